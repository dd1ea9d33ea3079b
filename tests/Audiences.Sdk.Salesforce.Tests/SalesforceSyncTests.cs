using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Salesforce.Tests;

public sealed class SalesforceSyncTests : SalesforceStoreTests
{
    private SyncDefinition Sync(string name, string objectName) =>
        new(name, new SourceSettings("salesforce", Org.Settings(objectName)), objectName, "Id")
        {
            TimestampField = "SystemModstamp",
            SourceName = "salesforce",
            SourceKind = SourceKind.Crm,
        };

    [Fact]
    public async Task Import_ConvertedLeadJoinsItsContactsProfile_ThoughTheirEmailsDiffer()
    {
        Org.PutContact("0031", "ada@work.example", SalesforceTestOrg.Start);
        Org.Fake.Put("Lead", "00Q1", new Dictionary<string, string?> { ["Email"] = "ada@home.example", ["FirstName"] = "Ada", ["IsConverted"] = "true", ["ConvertedContactId"] = "0031" }, SalesforceTestOrg.Start);
        Org.Fake.Put("Lead", "00Q2", new Dictionary<string, string?> { ["Email"] = "bo@example.com", ["IsConverted"] = "false" }, SalesforceTestOrg.Start);
        var syncs = Workspace.Services.GetRequiredService<ISyncService>();
        await syncs.SaveAsync(Sync("sf-leads", "Lead"));
        await syncs.SaveAsync(Sync("sf-contacts", "Contact"));

        // The lead first: it joins the contact's profile whichever is imported first.
        var leads = await syncs.RunAsync("sf-leads");
        var contacts = await syncs.RunAsync("sf-contacts");

        leads.Status.Should().Be(SyncRunStatus.Succeeded);
        contacts.Status.Should().Be(SyncRunStatus.Succeeded);
        var byWork = await Workspace.Service.FindProfileAsync(EntityKind.Person, "email", "ada@work.example");
        var byHome = await Workspace.Service.FindProfileAsync(EntityKind.Person, "email", "ada@home.example");
        byWork.Should().NotBeNull();
        byHome!.Id.Should().Be(byWork!.Id, "the converted lead names its contact");
        (await Workspace.Service.CountAsync(EntityKind.Person)).Should().Be(2, "Ada, and the lead not converted");
    }

    [Fact]
    public async Task Runs_ReportADeletionIncrementallyFromTheRecycleBin_AndOneEmptiedFromItOnTheFullRead()
    {
        Org.PutContact("0031", "ada@example.com", SalesforceTestOrg.Start);
        Org.PutContact("0032", "bo@example.com", SalesforceTestOrg.Start);
        Org.PutContact("0033", "cy@example.com", SalesforceTestOrg.Start);
        var syncs = Workspace.Services.GetRequiredService<ISyncService>();
        await syncs.SaveAsync(Sync("sf-contacts", "Contact"));
        var first = await syncs.RunAsync("sf-contacts");

        // 0032 goes to the recycle bin (queryAll still finds it); 0033 is in neither list any more, as once emptied from the bin.
        Org.Fake.Delete("Contact", "0032", SalesforceTestOrg.Start.AddMinutes(10));
        var incremental = await syncs.RunAsync("sf-contacts", SourceReadMode.Incremental);
        var fullBefore = await syncs.RunAsync("sf-contacts", SourceReadMode.Full);
        Org.Fake.Delete("Contact", "0033", SalesforceTestOrg.Start.AddMinutes(-10));
        var full = await syncs.RunAsync("sf-contacts", SourceReadMode.Full);

        first.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Created == 3);
        incremental.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Deleted == 1);
        Org.Fake.Queries[1].Should().Contain("IsDeleted");
        full.Status.Should().Be(SyncRunStatus.Succeeded);
        full.Deleted.Should().Be(fullBefore.Deleted + 1, "the full read does not find 0033, so the sync engine reports it deleted");
    }

    [Fact]
    public async Task Import_OpportunitiesBecomeRelatedRecordsOfTheirAccounts()
    {
        Org.Fake.Put("Account", "0011", new Dictionary<string, string?> { ["Name"] = "Acme", ["Website"] = "https://acme.example" }, SalesforceTestOrg.Start);
        Org.Fake.Put("Opportunity", "0061", new Dictionary<string, string?> { ["Name"] = "Acme renewal", ["AccountId"] = "0011", ["Amount"] = "12000", ["StageName"] = "Prospecting" }, SalesforceTestOrg.Start);
        Org.Fake.Put("Opportunity", "0062", new Dictionary<string, string?> { ["Name"] = "Acme upsell", ["AccountId"] = "0011", ["Amount"] = "3000", ["StageName"] = "Closed Won" }, SalesforceTestOrg.Start);
        var syncs = Workspace.Services.GetRequiredService<ISyncService>();
        await syncs.SaveAsync(Sync("sf-accounts", "Account") with { Kind = EntityKind.Company });
        await syncs.SaveAsync(Sync("sf-opportunities", "Opportunity") with
        {
            Kind = EntityKind.Company,
            Related = new RelatedTarget("opportunity", EntityKind.Company, "AccountId") { OwnerObject = "Account" },
        });

        var accounts = await syncs.RunAsync("sf-accounts");
        var opportunities = await syncs.RunAsync("sf-opportunities");

        accounts.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Created == 1);
        opportunities.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Related == 2 && r.Rejected == 0);
        (await Workspace.Service.FindProfileAsync(EntityKind.Company, "domain", "acme.example")).Should().NotBeNull("Website maps onto domain");
    }
}
