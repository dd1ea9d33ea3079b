using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The related-record contract: records hang off their owner by source record or alias, and follow merges.</summary>
public abstract class RelatedRecordSpecification : StoreSpecification
{
    /// <summary>Opportunities attach to a company by its account record or its domain, in either import order.</summary>
    [Fact]
    public virtual async Task Related_records_attach_by_owner_record_or_alias()
    {
        var store = NewStore();
        var service = store.Service;
        var account = new SourceRecordKey("crm", "Account", "001");
        await service.ImportRelatedAsync(AsAsync(
            Opportunity("o1", 60_000, "Closed Won") with { OwnerRecord = account },
            Opportunity("o2", 10_000, "Prospecting") with { OwnerAlias = new AliasKey("domain", "https://WWW.acme.com/") }));
        await ImportCompaniesAsync(service,
            new SourceRecord(account, EntityKind.Company, SourceKind.Crm, new Dictionary<string, FieldValue> { ["domain"] = FieldValue.FromText("acme.com") }));

        var company = (await AllAsync(store, EntityKind.Company)).Single();
        var related = await ListAsync(service, company.Id);

        related.Select(r => r.Key.ExternalId).Should().Equal("o1", "o2");
        related[0].Values["amount"].Should().Be(FieldValue.FromNumber(60_000));
        related[1].OwnerAlias.Should().Be(new AliasKey("domain", "acme.com"));
    }

    /// <summary>Re-importing a related record by key replaces it.</summary>
    [Fact]
    public virtual async Task Reimporting_a_related_record_replaces_it()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportCompaniesAsync(service, Company("file", "1", ("domain", "acme.com")));
        await service.ImportRelatedAsync(AsAsync(Opportunity("o1", 1, "Prospecting") with { OwnerAlias = new AliasKey("domain", "acme.com") }));
        var result = await service.ImportRelatedAsync(AsAsync(Opportunity("o1", 2, "Closed Won") with { OwnerAlias = new AliasKey("domain", "acme.com") }));

        result.Related.Should().Be(1);
        var company = (await AllAsync(store, EntityKind.Company)).Single();
        (await ListAsync(service, company.Id)).Should().ContainSingle().Which.Values["stage"].Should().Be(FieldValue.FromText("Closed Won"));
    }

    /// <summary>After two companies merge, the survivor has the related records of both.</summary>
    [Fact]
    public virtual async Task Related_records_follow_their_owner_through_a_merge()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportCompaniesAsync(service, Company("a", "1", ("domain", "acme.com")), Company("b", "1", ("linkedin_url", "linkedin.com/company/acme")));
        await service.ImportRelatedAsync(AsAsync(
            Opportunity("o1", 1, "Prospecting") with { OwnerRecord = new SourceRecordKey("a", "rows", "1") },
            Opportunity("o2", 2, "Prospecting") with { OwnerRecord = new SourceRecordKey("b", "rows", "1") }));
        await service.UpsertAsync([Company("c", "1", ("domain", "acme.com"), ("linkedin_url", "linkedin.com/company/acme"))],
            new Import.ImportOptions(EntityKind.Company) { MatchOn = ["domain", "linkedin_url"] });

        var company = (await AllAsync(store, EntityKind.Company)).Should().ContainSingle().Subject;
        (await ListAsync(service, company.Id)).Should().HaveCount(2);
    }

    /// <summary>
    /// The store lists every related record of a type and owner kind once (owners unresolved), over pages;
    /// the profile service answers quantifiers with it, and importing records marks their owners changed.
    /// </summary>
    [Fact]
    public virtual async Task Related_records_of_a_type_are_listed_in_bulk_and_answer_quantifiers()
    {
        var store = NewStore(configure: o => o.RelatedRecordTypes.Add(new Filtering.RelatedRecordType("opportunities", EntityKind.Company,
            [new FieldDefinition("amount", EntityKind.Company, FieldType.Number, "crm"), new FieldDefinition("stage", EntityKind.Company, FieldType.Text, "crm")])));
        var service = store.Service;
        await ImportCompaniesAsync(service, Company("crm", "a", ("domain", "acme.com")), Company("crm", "g", ("domain", "globex.com")), Company("crm", "i", ("domain", "initech.com")));
        var before = await store.Changes.GetLastVersionAsync();
        var opportunities = Enumerable.Range(0, 2_500).Select(i => Opportunity($"o{i}", i, i % 2 == 0 ? "Closed Won" : "Prospecting")
            with { OwnerAlias = new AliasKey("domain", i == 7 ? "globex.com" : "acme.com") }).ToArray();
        await service.ImportRelatedAsync(AsAsync([.. opportunities, new RelatedRecord(
            new SourceRecordKey("crm", "Task", "t1"), "activities", EntityKind.Company, new Dictionary<string, FieldValue>()) { OwnerRecord = new SourceRecordKey("crm", "rows", "i") }]));

        var listed = new List<RelatedRecord>();
        await foreach (var record in store.Related.ListRelatedRecordsAsync(EntityKind.Company, "opportunities"))
        {
            listed.Add(record);
        }

        listed.Select(r => r.Key.ExternalId).Should().BeEquivalentTo(opportunities.Select(o => o.Key.ExternalId));
        listed.Single(r => r.Key.ExternalId == "o7").OwnerAlias.Should().Be(new AliasKey("domain", "globex.com"));
        (await store.Related.ListRelatedRecordsAsync(EntityKind.Person, "opportunities").CountAsync()).Should().Be(0);
        (await store.Changes.ListChangedProfilesAsync(before).CountAsync()).Should().Be(3, "each owner is marked changed: acme and globex by opportunities, initech by its task");
        (await service.CountAsync(EntityKind.Company, "opportunities.any(stage = \"Closed Won\" and amount > 2000)")).Should().Be(1);
        (await service.CountAsync(EntityKind.Company, "opportunities.all(stage = \"Prospecting\")")).Should().Be(2, "globex's only opportunity is prospecting and initech has none");
        (await service.CountAsync(EntityKind.Company, "opportunities.none(amount > 100) or domain = \"acme.com\"")).Should().Be(3);
    }

    /// <summary>A related record without an owner is rejected with a clear error.</summary>
    [Fact]
    public virtual async Task A_related_record_without_an_owner_is_rejected()
    {
        var result = await NewStore().Service.ImportRelatedAsync(AsAsync(Opportunity("o1", 1, "Prospecting")));

        result.Rejected.Should().Be(1);
        result.Errors.Single().Message.Should().Contain("owner");
    }

    private static RelatedRecord Opportunity(string id, double amount, string stage) =>
        new(new SourceRecordKey("crm", "Opportunity", id), "opportunities", EntityKind.Company,
            new Dictionary<string, FieldValue> { ["amount"] = FieldValue.FromNumber(amount), ["stage"] = FieldValue.FromText(stage) });

    private static async Task<List<RelatedRecord>> ListAsync(IProfileService service, ProfileId id)
    {
        var list = new List<RelatedRecord>();
        await foreach (var record in service.ListRelatedRecordsAsync(id, "opportunities"))
        {
            list.Add(record);
        }

        return list;
    }
}
