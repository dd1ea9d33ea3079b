using Audiences.Sdk.Filtering;
using Audiences.Sdk.Import;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Tests.Filtering;

public sealed class ProfileServiceFilterTests : IDisposable
{
    private readonly StoreWorkspace _store = StoreWorkspace.Create(b => b.UseInMemory());
    private readonly IProfileService _service;

    public ProfileServiceFilterTests() => _service = _store.Service;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task The_catalog_holds_both_kinds_fields_and_a_persons_company()
    {
        await SeedAsync();

        var catalog = await _service.GetFilterCatalogAsync();

        catalog.GetFields(EntityKind.Person).Select(f => f.Key).Should().Equal("email", "name", "score", "vip");
        catalog.GetFields(EntityKind.Company).Select(f => f.Key).Should().Equal("domain", "employee_count");
        catalog.GetLinkedEntities(EntityKind.Person).Should().ContainSingle().Which.Should().Be(LinkedEntity.PersonCompany);
        catalog.GetRelatedRecordTypes(EntityKind.Person).Should().BeEmpty();
    }

    [Fact]
    public async Task Binding_spells_names_as_the_catalog_does_and_converts_values_to_the_fields_types()
    {
        await SeedAsync();

        var filter = await _service.BindFilterAsync(EntityKind.Person, "SCORE >= \"0090\" and Vip = 'yes'");

        filter.Kind.Should().Be(EntityKind.Person);
        filter.ToString().Should().Be("score >= 90 and vip = true");
    }

    [Fact]
    public async Task Counting_filter_text_counts_the_matching_profiles_of_the_kind()
    {
        await SeedAsync();

        (await _service.CountAsync(EntityKind.Person, "score >= 90")).Should().Be(2);
        (await _service.CountAsync(EntityKind.Person, "vip = true or name contains 'LINUS'")).Should().Be(3);
        (await _service.CountAsync(EntityKind.Person, "score > 1000")).Should().Be(0);
        (await _service.CountAsync(EntityKind.Company, "employee_count < 100")).Should().Be(1);
    }

    [Fact]
    public async Task Counting_a_bound_filter_agrees_with_counting_its_text()
    {
        await SeedAsync();
        var filter = await _service.BindFilterAsync(EntityKind.Person, "score is not empty and score != 88");

        (await _service.CountAsync(filter)).Should().Be(await _service.CountAsync(EntityKind.Person, filter.ToString()));
        (await _service.CountAsync(filter)).Should().Be(2);
    }

    [Fact]
    public async Task Listing_returns_the_matches_in_id_order_a_page_at_a_time()
    {
        var ids = await SeedAsync();
        var filter = await _service.BindFilterAsync(EntityKind.Person, "email ends with '@example.com'");

        var all = await _service.ListProfilesAsync(filter).ToListAsync();
        var first = await _service.ListProfilesAsync(filter, limit: 2).ToListAsync();
        var second = await _service.ListProfilesAsync(filter, first[^1].Id, 2).ToListAsync();
        var after = await _service.ListProfilesAsync(filter, second[^1].Id, 2).ToListAsync();

        all.Select(p => p.Id).Should().Equal(ids["ada"], ids["grace"], ids["alan"], ids["linus"]);
        first.Concat(second).Select(p => p.Id).Should().Equal(all.Select(p => p.Id));
        after.Should().BeEmpty();
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_lists_nothing()
    {
        await SeedAsync();
        var filter = await _service.BindFilterAsync(EntityKind.Person, "name starts with 'Zed'");

        (await _service.ListProfilesAsync(filter).ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_field_is_a_binding_error_with_a_suggestion()
    {
        await SeedAsync();

        var error = (await _service.Invoking(s => s.CountAsync(EntityKind.Person, "scroe > 3").AsTask())
            .Should().ThrowAsync<FilterBindingException>()).Which;

        error.Message.Should().StartWith("Unknown field 'scroe' for people").And.EndWith("Did you mean 'score'?");
        error.Position!.Value.Column.Should().Be(1);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_binding_error()
    {
        await SeedAsync();

        await _service.Invoking(s => s.BindFilterAsync(EntityKind.Person, "score = \"many\"").AsTask())
            .Should().ThrowAsync<FilterBindingException>().WithMessage("*wrong type*expected a number*");
    }

    [Fact]
    public async Task Broken_syntax_is_a_syntax_error_with_the_position()
    {
        await SeedAsync();

        var error = (await _service.Invoking(s => s.BindFilterAsync(EntityKind.Person, "score >").AsTask())
            .Should().ThrowAsync<FilterSyntaxException>()).Which;

        error.Position!.Value.Column.Should().Be(8);
    }

    [Fact]
    public async Task A_linked_companys_field_is_evaluated_by_the_service_with_the_same_semantics()
    {
        await SeedAsync();
        var workers = new[] { ("wile", "wile@acme.example"), ("hank", "hank@globex.example"), ("road", "road@acme.example") }.Select(p =>
            new SourceRecord(new SourceRecordKey("crm", "people", p.Item1), EntityKind.Person, SourceKind.Csv,
                new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText(p.Item2) }));
        await _service.UpsertAsync(workers, new ImportOptions(EntityKind.Person));
        var filter = await _service.BindFilterAsync(EntityKind.Person, "company.employee_count < 100");
        var evaluator = new FilterEvaluator(TimeProvider.System);
        var expected = new List<ProfileId>();
        await foreach (var person in _service.ListProfilesAsync(EntityKind.Person))
        {
            var company = await _service.GetCompanyAsync(person.Id);
            if (evaluator.Matches(filter, FilterRecord.FromProfile(person, company: company)))
            {
                expected.Add(person.Id);
            }
        }

        expected.Should().HaveCount(2, "wile and road work at acme.example, which has 40 employees");
        (await _service.CountAsync(filter)).Should().Be(2);
        (await _service.ListProfilesAsync(filter).Select(p => p.Id).ToListAsync()).Should().Equal(expected);
        (await _service.ListProfilesAsync(filter, afterId: expected[0], limit: 1).Select(p => p.Id).ToListAsync())
            .Should().Equal(expected.Skip(1).Take(1));
        await _store.Queries.Invoking(s => s.CountProfilesAsync(filter).AsTask())
            .Should().ThrowAsync<NotSupportedException>().WithMessage("*'company.employee_count' reads the linked company*");
    }

    [Fact]
    public async Task A_related_record_quantifier_does_not_bind_since_the_store_lists_no_collections()
    {
        await SeedAsync();

        await _service.Invoking(s => s.CountAsync(EntityKind.Person, "opportunities.any(amount > 1)").AsTask())
            .Should().ThrowAsync<FilterBindingException>().WithMessage("*opportunities*");
    }

    [Fact]
    public void Arguments_are_checked_when_the_call_is_made()
    {
        var filter = FilterParser.Parse("score > 1", EntityKind.Person, new FilterCatalog([new FieldDefinition("score", EntityKind.Person, FieldType.Number, "crm")]));

        _service.Invoking(s => s.ListProfilesAsync(filter, limit: 0)).Should().Throw<ArgumentOutOfRangeException>();
        _service.Invoking(s => s.ListProfilesAsync(null!)).Should().Throw<ArgumentNullException>();
        _service.Invoking(s => s.CountAsync((BoundFilter)null!)).Should().Throw<ArgumentNullException>();
    }

    private async Task<Dictionary<string, ProfileId>> SeedAsync()
    {
        var people = new (string Key, string Email, string Name, double? Score, bool Vip)[]
        {
            ("ada", "ada@example.com", "Ada Lovelace", 91, true),
            ("grace", "grace@example.com", "Grace Hopper", 88, false),
            ("alan", "alan@example.com", "Alan Turing", 95, true),
            ("linus", "linus@example.com", "Linus", null, false),
        };
        var records = people.Select(p =>
        {
            var values = new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText(p.Email),
                ["name"] = FieldValue.FromText(p.Name),
                ["vip"] = FieldValue.FromBoolean(p.Vip),
            };
            if (p.Score is { } score)
            {
                values["score"] = FieldValue.FromNumber(score);
            }

            return new SourceRecord(new SourceRecordKey("crm", "people", p.Key), EntityKind.Person, SourceKind.Csv, values);
        });
        (await _service.UpsertAsync(records, new ImportOptions(EntityKind.Person))).Created.Should().Be(people.Length);

        var companies = new[] { ("acme.example", 40.0), ("globex.example", 1200.0) }.Select(c => new SourceRecord(
            new SourceRecordKey("crm", "accounts", c.Item1), EntityKind.Company, SourceKind.Csv,
            new Dictionary<string, FieldValue> { ["domain"] = FieldValue.FromText(c.Item1), ["employee_count"] = FieldValue.FromNumber(c.Item2) }));
        (await _service.UpsertAsync(companies, new ImportOptions(EntityKind.Company))).Created.Should().Be(2);

        var ids = new Dictionary<string, ProfileId>();
        foreach (var person in people)
        {
            ids[person.Key] = (await _service.FindProfileAsync(EntityKind.Person, "email", person.Email))!.Id;
        }

        return ids;
    }
}
