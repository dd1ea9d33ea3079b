using Audiences.Sdk.Filtering;
using Audiences.Sdk.Import;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using CsCheck;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Sqlite.Tests.Filtering;

/// <summary>
/// Filters that read a person's company (<c>company.n &lt; 2</c>) or quantify over related records
/// (<c>opportunities.all(amount &gt; 1)</c>) are answered in bulk by the profile service; over random
/// people, companies, links (by account, by domain, by email domain, dangling), merges and related
/// records owned by record or by alias, its counts and listings must equal the reference evaluator run
/// on each profile with its company and related records, on both stores.
/// </summary>
public sealed class LinkedFilterDifferentialTests
{
    private const int FiltersPerDataSet = 30;
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Texts = ["a", "A", "b", "é", "x' OR 1=1 --"];

    private static readonly FilterCatalog Catalog = new(
        [
            new FieldDefinition("t", EntityKind.Person, FieldType.Text, "test"),
            new FieldDefinition("n", EntityKind.Person, FieldType.Number, "test"),
            new FieldDefinition("t", EntityKind.Company, FieldType.Text, "test"),
            new FieldDefinition("n", EntityKind.Company, FieldType.Number, "test"),
        ],
        [
            new RelatedRecordType("opportunities", EntityKind.Company, [Field("amount", FieldType.Number), Field("stage", FieldType.Text)]),
            new RelatedRecordType("activities", EntityKind.Person, [Field("channel", FieldType.Text)]),
        ]);

    private static readonly Gen<Dictionary<string, FieldValue>> Values = Gen.Select(
        Gen.Frequency((1, Gen.Const(FieldValue.Empty)), (3, Gen.OneOf(Texts).Select(FieldValue.FromText))),
        Gen.Frequency((1, Gen.Const(FieldValue.Empty)), (3, Gen.Int[-1, 3].Select(i => FieldValue.FromNumber(i)))),
        (t, n) => new Dictionary<string, FieldValue> { ["t"] = t, ["n"] = n });

    private static readonly Gen<SourceRecord> Company = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Values, (id, domain, values) =>
        new SourceRecord(Account(id), EntityKind.Company, SourceKind.Crm, With(values, ("domain", $"c{domain}.com"))));

    private static readonly Gen<CompanyLink?> Link = Gen.Frequency(
        (2, Gen.Const((CompanyLink?)null)),
        (2, Gen.Int[0, 6].Select(i => (CompanyLink?)CompanyLink.ByAccount(Account(i)))),
        (2, Gen.Int[0, 4].Select(i => (CompanyLink?)CompanyLink.ByDomain($"https://www.c{i}.com/"))));

    private static readonly Gen<string?> Email = Gen.Frequency(
        (1, Gen.Const((string?)null)),
        (3, Gen.Select(Gen.Int[0, 9], Gen.Int[0, 4], (p, c) => (string?)$"p{p}@c{c}.com")),
        (1, Gen.Int[0, 9].Select(p => (string?)$"p{p}@gmail.com")));

    private static readonly Gen<SourceRecord> Person = Gen.Select(Gen.Int[0, 30], Email, Link, Values, (id, email, link, values) =>
        new SourceRecord(Contact(id), EntityKind.Person, SourceKind.Csv, email is null ? values : With(values, ("email", email))) { Company = link });

    private static readonly Gen<RelatedRecord> Opportunity = Gen.Select(
        Gen.Int[0, 40], Gen.Int[0, 6], Gen.Bool, Gen.Int[-1, 3], Gen.OneOf(Texts),
        (id, owner, byRecord, amount, stage) => new RelatedRecord(
            new SourceRecordKey("crm", "Opportunity", $"o{id}"), "opportunities", EntityKind.Company,
            new Dictionary<string, FieldValue> { ["amount"] = FieldValue.FromNumber(amount), ["stage"] = FieldValue.FromText(stage) })
        {
            OwnerRecord = byRecord ? Account(owner) : null,
            OwnerAlias = byRecord ? null : new AliasKey("domain", $"c{owner}.com"),
        });

    private static readonly Gen<RelatedRecord> Activity = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 32], Gen.OneOf(Texts), (id, owner, channel) =>
        new RelatedRecord(
            new SourceRecordKey("crm", "Task", $"k{id}"), "activities", EntityKind.Person,
            new Dictionary<string, FieldValue> { ["channel"] = FieldValue.FromText(channel) })
        {
            OwnerRecord = owner % 3 == 0 ? null : Contact(owner),
            OwnerAlias = owner % 3 == 0 ? new AliasKey("email", $"P{owner % 10}@c{owner % 5}.com") : null,
        });

    [Fact]
    public void People_filters_reading_the_company_or_related_records_match_the_reference_evaluator()
    {
        var cases = Gen.Select(Company.Array[0, 7], Person.Array[1, 25], Opportunity.Array[0, 12], Activity.Array[0, 12], PersonFilter(3).Array[FiltersPerDataSet]);
        cases.Sample((companies, people, opportunities, activities, filters) =>
            CheckAsync(companies, people, [.. opportunities, .. activities], EntityKind.Person, filters).GetAwaiter().GetResult(), iter: 40, threads: 1);
    }

    [Fact]
    public void Company_filters_quantifying_over_opportunities_match_the_reference_evaluator()
    {
        var cases = Gen.Select(Company.Array[1, 8], Opportunity.Array[0, 25], CompanyFilter(3).Array[FiltersPerDataSet]);
        cases.Sample((companies, opportunities, filters) =>
            CheckAsync(companies, [], opportunities, EntityKind.Company, filters).GetAwaiter().GetResult(), iter: 40, threads: 1);
    }

    private static Gen<Filter> PersonFilter(int depth) => Tree(depth, Gen.Frequency(
        (3, Condition(null)),
        (3, Condition("company")),
        (2, Quantified("activities", Gen.OneOf(Texts).Select(t => (Filter)Sdk.Filtering.Condition.Compare("channel", FilterOperator.Equal, FieldValue.FromText(t)))))));

    private static Gen<Filter> CompanyFilter(int depth) => Tree(depth, Gen.Frequency(
        (2, Condition(null)),
        (3, Quantified("opportunities", Tree(1, Gen.OneOf(
            Gen.Int[-1, 3].Select(a => (Filter)Sdk.Filtering.Condition.Compare("amount", FilterOperator.GreaterThan, FieldValue.FromNumber(a))),
            Gen.OneOf(Texts).Select(t => (Filter)Sdk.Filtering.Condition.Compare("stage", FilterOperator.Equal, FieldValue.FromText(t)))))))));

    private static Gen<Filter> Tree(int depth, Gen<Filter> leaf) => depth == 0
        ? leaf
        : Gen.Frequency(
            (3, leaf),
            (2, Gen.Select(Gen.OneOf(LogicalOperator.And, LogicalOperator.Or), Tree(depth - 1, leaf).Array[2, 3], (op, filters) => (Filter)new FilterGroup(op, filters))),
            (1, Tree(depth - 1, leaf).Select(f => (Filter)new NotFilter(f))));

    private static Gen<Filter> Condition(string? entity)
    {
        var prefix = entity is null ? string.Empty : entity + ".";
        return Gen.OneOf(
            Gen.OneOf(Texts).Select(t => (Filter)Sdk.Filtering.Condition.Compare(prefix + "t", FilterOperator.Equal, FieldValue.FromText(t))),
            Gen.Int[-1, 3].Select(n => (Filter)Sdk.Filtering.Condition.Compare(prefix + "n", FilterOperator.LessThan, FieldValue.FromNumber(n))),
            Gen.Bool.Select(b => (Filter)Sdk.Filtering.Condition.IsEmpty(prefix + "n", b)));
    }

    private static Gen<Filter> Quantified(string collection, Gen<Filter> inner) =>
        Gen.Select(Gen.OneOf(Quantifier.Any, Quantifier.All, Quantifier.None), inner, (q, f) => (Filter)new RelatedFilter(collection, q, f));

    private static async Task CheckAsync(SourceRecord[] companies, SourceRecord[] people, RelatedRecord[] related, EntityKind kind, Filter[] filters)
    {
        var clock = new FakeTimeProvider(Now);
        await using var memory = StoreWorkspace.Create(b => b.UseInMemory(), clock);
        await using var sqlite = StoreWorkspace.Create(b => b.UseSqlite("Data Source=:memory:"), clock);
        foreach (var store in new[] { memory, sqlite })
        {
            var service = store.Service;
            await service.UpsertAsync(companies, new ImportOptions(EntityKind.Company));
            await service.UpsertAsync(people, new ImportOptions(EntityKind.Person));
            await service.ImportRelatedAsync(related.ToAsyncEnumerable());
            var records = await ReferenceRecordsAsync(service, kind);
            var evaluator = new FilterEvaluator(clock);
            foreach (var filter in filters)
            {
                var bound = FilterBinder.Bind(filter, kind, Catalog);
                var expected = records.Where(r => evaluator.Matches(bound, r.Record)).Select(r => r.Id).ToList();
                var because = $"'{bound}' over {records.Count} {kind} profiles in {store.Profiles.GetType().Name}";
                (await service.CountAsync(bound)).Should().Be(expected.Count, because);
                (await IdsAsync(service, bound)).Should().Equal(expected, because);
            }
        }
    }

    /// <summary>Each profile as the reference sees it: with the company and related records the service finds one by one.</summary>
    private static async Task<List<(long Id, FilterRecord Record)>> ReferenceRecordsAsync(IProfileService service, EntityKind kind)
    {
        var records = new List<(long, FilterRecord)>();
        await foreach (var profile in service.ListProfilesAsync(kind))
        {
            var related = await service.ListRelatedRecordsAsync(profile.Id).ToListAsync();
            var company = kind == EntityKind.Person ? await service.GetCompanyAsync(profile.Id) : null;
            records.Add((profile.Id.Value, FilterRecord.FromProfile(profile, related, company)));
        }

        return records;
    }

    private static async Task<List<long>> IdsAsync(IProfileService service, BoundFilter filter)
    {
        // Listed in pages of 4, so the cursor of the bulk path is exercised on every filter.
        var ids = new List<long>();
        ProfileId? after = null;
        while (true)
        {
            var page = await service.ListProfilesAsync(filter, after, 4).Select(p => p.Id.Value).ToListAsync();
            ids.AddRange(page);
            if (page.Count < 4)
            {
                return ids;
            }

            after = new ProfileId(page[^1]);
        }
    }

    private static FieldDefinition Field(string key, FieldType type) => new(key, EntityKind.Company, type, "crm");

    private static SourceRecordKey Account(int id) => new("crm", "Account", $"a{id}");

    private static SourceRecordKey Contact(int id) => new("csv", "rows", $"p{id}");

    private static Dictionary<string, FieldValue> With(Dictionary<string, FieldValue> values, (string Key, string Value) extra) =>
        new(values) { [extra.Key] = FieldValue.FromText(extra.Value) };
}
