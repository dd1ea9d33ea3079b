using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="ISyncDefinitionStore"/> contract: a definition is kept whole under its name, found and replaced
/// by that name whatever its case, listed by name, removed on request, and kept across a restart.
/// </summary>
public abstract class SyncDefinitionStoreSpecification : StoreSpecification
{
    /// <summary>Every part of a definition reads back as saved, by its name in any case, also after a restart.</summary>
    [Fact]
    public virtual async Task A_saved_definition_reads_back_whole_by_name_in_any_case()
    {
        var store = NewStore();
        var contacts = Contacts();
        var deals = Deals();
        await store.SyncDefinitions.SaveAsync(contacts);
        await store.SyncDefinitions.SaveAsync(deals);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SyncDefinitions.GetAsync("crm-contacts")).Should().BeEquivalentTo(contacts);
            (await workspace.SyncDefinitions.GetAsync("CRM-Contacts")).Should().BeEquivalentTo(contacts);
            (await workspace.SyncDefinitions.GetAsync("warehouse-deals")).Should().BeEquivalentTo(deals);
        }
    }

    /// <summary>A name that was never saved reads as null, and a new store lists no definitions.</summary>
    [Fact]
    public virtual async Task An_unknown_name_reads_as_null()
    {
        var store = NewStore();

        (await store.SyncDefinitions.GetAsync("missing")).Should().BeNull();
        (await store.SyncDefinitions.ListAsync()).Should().BeEmpty();
    }

    /// <summary>Saving a name again, in any case, replaces the definition: one definition remains, the last one saved, under its own spelling.</summary>
    [Fact]
    public virtual async Task Saving_a_name_again_in_any_case_replaces_the_definition()
    {
        var store = NewStore();
        await store.SyncDefinitions.SaveAsync(Contacts());
        var renamed = Contacts() with { Name = "CRM-Contacts", ObjectName = "Lead", Schedule = SyncSchedule.Manual };

        await store.SyncDefinitions.SaveAsync(renamed);

        (await store.SyncDefinitions.ListAsync()).Should().BeEquivalentTo([renamed]);
        (await Reopen(store).SyncDefinitions.GetAsync("crm-contacts")).Should().BeEquivalentTo(renamed);
    }

    /// <summary>Every definition is listed, ordered by name.</summary>
    [Fact]
    public virtual async Task Definitions_are_listed_by_name()
    {
        var store = NewStore();
        foreach (var name in new[] { "gamma", "alpha", "beta" })
        {
            await store.SyncDefinitions.SaveAsync(Contacts() with { Name = name });
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SyncDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("alpha", "beta", "gamma");
        }
    }

    /// <summary>Removing a definition, by its name in any case, says whether there was one; it is gone, and the others stay.</summary>
    [Fact]
    public virtual async Task Removing_a_definition_says_whether_there_was_one()
    {
        var store = NewStore();
        await store.SyncDefinitions.SaveAsync(Contacts());
        await store.SyncDefinitions.SaveAsync(Deals());

        (await store.SyncDefinitions.RemoveAsync("CRM-CONTACTS")).Should().BeTrue();
        (await store.SyncDefinitions.RemoveAsync("crm-contacts")).Should().BeFalse();

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SyncDefinitions.GetAsync("crm-contacts")).Should().BeNull();
            (await workspace.SyncDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("warehouse-deals");
        }
    }

    /// <summary>A definition with every optional part set: settings, typed and left-out mappings, match fields, a schedule.</summary>
    protected static SyncDefinition Contacts() =>
        new("crm-contacts", new SourceSettings("salesforce", new Dictionary<string, string>
        {
            ["instance"] = "https://example.my.salesforce.com",
            ["token"] = "secret-ü",
        }), "Contact", "Id")
        {
            Mappings = [new FieldMapping("Email", "email"), new FieldMapping("Score__c", "score", FieldType.Number), new FieldMapping("Internal__c", null)],
            MatchOn = ["email", "linkedin_url"],
            TimestampField = "LastModifiedDate",
            SourceName = "salesforce",
            SourceKind = SourceKind.Crm,
            Schedule = new SyncSchedule(TimeSpan.FromMinutes(15), TimeSpan.FromDays(7), "*/15 * * * *"),
            ImportActivities = true,
        };

    /// <summary>A definition of related records owned by companies, with the defaults elsewhere.</summary>
    protected static SyncDefinition Deals() =>
        new("warehouse-deals", new SourceSettings("sql", new Dictionary<string, string> { ["query"] = "select * from deals" }), "deals", "deal_id")
        {
            Kind = EntityKind.Company,
            Related = new RelatedTarget("deals", EntityKind.Company, "account_id") { OwnerObject = "accounts" },
            Schedule = SyncSchedule.WarehouseFull,
        };
}
