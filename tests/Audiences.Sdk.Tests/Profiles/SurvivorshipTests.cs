using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Profiles;

public class SurvivorshipTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rank_FollowsTheDocumentedOrder()
    {
        SourceKind[] order = [SourceKind.Upsert, SourceKind.Crm, SourceKind.CrmLead, SourceKind.Warehouse, SourceKind.Csv, SourceKind.Search];
        order.Select(Survivorship.Rank).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        Survivorship.Rank(SourceKind.Enrichment).Should().Be(Survivorship.Rank(SourceKind.Upsert));
    }

    [Fact]
    public void Derive_PerField_TakesTheFirstNonEmptyValueByRankThenRecency()
    {
        var csvNew = Source("csv", SourceKind.Csv, T0.AddDays(5), 1, ("title", "Engineer"), ("city", "Paris"));
        var crmOld = Source("crm", SourceKind.Crm, T0, 2, ("title", "CTO"), ("city", null));
        var csvOld = Source("old", SourceKind.Csv, T0, 3, ("city", "Lyon"), ("phone", "+33"));

        var values = Survivorship.Derive([csvNew, crmOld, csvOld]);

        values["title"].Value.AsText().Should().Be("CTO");
        values["title"].Source.Source.Should().Be("crm");
        values["city"].Value.AsText().Should().Be("Paris");
        values["phone"].Value.AsText().Should().Be("+33");
        values.Should().NotContainKey("missing");
    }

    [Fact]
    public void Derive_SameRankAndTime_GoesToTheMostRecentlyChangedRecord()
    {
        var first = Source("a", SourceKind.Csv, T0, 1, ("title", "Old"));
        var second = Source("b", SourceKind.Csv, T0, 2, ("title", "New"));

        Survivorship.Derive([first, second])["title"].Value.AsText().Should().Be("New");
        Survivorship.Derive([second, first])["title"].Value.AsText().Should().Be("New");
    }

    [Fact]
    public void Derive_FieldOverride_ListedSourceWinsThenDefaultOrder()
    {
        var crm = Source("crm", SourceKind.Crm, T0.AddDays(5), 1, ("title", "CTO"), ("city", "Paris"));
        var hr = Source("hr", SourceKind.Csv, T0, 2, ("title", "Chief Technology Officer"), ("city", "Lyon"));
        var rules = new SurvivorshipRules();
        rules.FieldSourcePriority["title"] = ["hr"];
        rules.FieldSourcePriority["phone"] = ["hr"];

        var values = Survivorship.Derive([crm, hr], rules);

        values["title"].Value.AsText().Should().Be("Chief Technology Officer");
        values["title"].Source.Source.Should().Be("hr");
        values["city"].Value.AsText().Should().Be("Paris", "fields without an override keep the default order");
        values.ContainsKey("phone").Should().BeFalse();
    }

    [Fact]
    public void Derive_FieldOverride_ListedSourceWithoutValue_FallsBack()
    {
        var crm = Source("crm", SourceKind.Crm, T0, 1, ("title", "CTO"));
        var hr = Source("hr", SourceKind.Csv, T0, 2, ("title", null));
        var rules = new SurvivorshipRules();
        rules.FieldSourcePriority["title"] = ["hr", "missing"];

        Survivorship.Derive([crm, hr], rules)["title"].Value.AsText().Should().Be("CTO");
    }

    private static StoredSourceRecord Source(string source, SourceKind kind, DateTimeOffset observed, long version, params (string Key, string? Value)[] values) =>
        new(new SourceRecord(new SourceRecordKey(source, "rows", "1"), EntityKind.Person, kind,
                values.ToDictionary(v => v.Key, v => FieldValue.FromText(v.Value))) { ObservedAt = observed },
            [], version, version);
}
