using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Testing.Fakes.Salesforce;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Salesforce.Tests;

/// <summary>
/// A full import of an org's 200,000 contacts through the sync service, counting the calls it makes: one query job,
/// the polls the job takes, and one call per result page of the sync's batch size. The in-memory store keeps the
/// test about the connector and the fake, not the store's write speed.
/// </summary>
public sealed class SalesforceScaleTests : SalesforceStoreTests
{
    private const int Contacts = 200_000;
    private const string SyncName = "sf-contacts";
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    private static readonly string[] Endpoints =
    [
        SalesforceFakeEndpoints.QueryCreate, SalesforceFakeEndpoints.QueryPoll, SalesforceFakeEndpoints.QueryResults,
        SalesforceFakeEndpoints.IngestCreate, SalesforceFakeEndpoints.IngestUpload, SalesforceFakeEndpoints.IngestClose,
        SalesforceFakeEndpoints.IngestPoll, SalesforceFakeEndpoints.IngestResults,
    ];

    [Fact]
    public async Task FullImportOf200000Contacts_CallsOncePerResultPage_AndAnIncrementalRunAfterReadsOnlyTheOverlap()
    {
        for (var row = 0; row < Contacts; row++)
        {
            Org.Fake.Put("Contact", GeneratedContacts.Id(row), GeneratedContacts.Values(row), GeneratedContacts.Stamp(row));
        }

        // Not the fake's default of 2, so the count below follows the setting rather than matching by chance.
        Org.Fake.PollsToComplete = 3;
        var syncs = Workspace.Services.GetRequiredService<ISyncService>();
        var definition = await syncs.SaveAsync(new SyncDefinition(
            SyncName,
            new SourceSettings("salesforce", Org.Settings("Contact", ("fields", GeneratedContacts.Fields), ("overlap", "5m"))),
            "Contact",
            "Id")
        {
            TimestampField = "SystemModstamp",
            SourceName = "salesforce",
            SourceKind = SourceKind.Crm,
        });
        // The connector asks for pages of the sync's batch size (maxRecords); the fake's own default is never used.
        var pageSize = definition.BatchSize ?? Workspace.Services.GetRequiredService<IOptions<AudiencesOptions>>().Value.ImportBatchSize;
        pageSize.Should().NotBe(Org.Fake.DefaultPageSize, "the page count must tell maxRecords from the fake's default");

        var full = await syncs.RunAsync(SyncName, SourceReadMode.Full);

        full.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Read == Contacts && r.Created == Contacts
            && r.Updated == 0 && r.Rejected == 0 && r.Deleted == 0, full.Failure);
        (await Workspace.Service.CountAsync(EntityKind.Person)).Should().Be(Contacts);
        var afterFull = Calls();
        afterFull.Should().Equal(Expected(polls: Org.Fake.PollsToComplete, pages: Pages(Contacts, pageSize)));
        afterFull[SalesforceFakeEndpoints.QueryResults].Should().Be(40, "200,000 contacts in pages of the default 5,000");
        await ShouldHoldAsync(12_345);
        await ShouldHoldAsync(Contacts - 1);

        // Nothing changed since: the incremental run reads only the records stamped within the overlap before the cursor.
        var last = GeneratedContacts.Stamp(Contacts - 1);
        var overlapping = Enumerable.Range(0, Contacts).Count(row => GeneratedContacts.Stamp(row) >= last - Overlap);
        var incremental = await syncs.RunAsync(SyncName);

        incremental.Should().Match<SyncRun>(r => r.Mode == SourceReadMode.Incremental && r.Status == SyncRunStatus.Succeeded
            && r.Read == overlapping && r.Unchanged == overlapping && r.Created == 0 && r.Updated == 0 && r.Deleted == 0, incremental.Failure);
        overlapping.Should().Be(60, "six minutes of ten contacts each fall within the five minutes before the last stamp, both ends included");
        Org.Fake.Queries.Should().HaveCount(2);
        Org.Fake.Queries[1].Should().EndWith($"FROM Contact WHERE SystemModstamp >= {(last - Overlap).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        var afterIncremental = Calls();
        Delta(afterIncremental, afterFull).Should().Equal(Expected(polls: Org.Fake.PollsToComplete, pages: Pages(overlapping, pageSize)));
        (await Workspace.Service.CountAsync(EntityKind.Person)).Should().Be(Contacts);
    }

    private async Task ShouldHoldAsync(int row)
    {
        var values = GeneratedContacts.Values(row);
        var profile = await Workspace.Service.FindProfileAsync(EntityKind.Person, "email", values["Email"]!);
        profile.Should().NotBeNull();
        profile!["first_name"].Should().Be(FieldValue.FromText(values["FirstName"]!));
        profile["last_name"].Should().Be(FieldValue.FromText(values["LastName"]!));
        profile["title"].Should().Be(FieldValue.FromText(values["Title"]!));
        profile["score__c"].Should().Be(FieldValue.FromText(values["Score__c"]!));
        profile["phone"].Should().Be(values["Phone"] is { } phone ? FieldValue.FromText(phone) : FieldValue.Empty);
    }

    /// <summary>Result pages of a query job: one call per page, and one (empty) page when nothing matched.</summary>
    private static int Pages(int records, int pageSize) => Math.Max(1, (records + pageSize - 1) / pageSize);

    private static Dictionary<string, int> Expected(int polls, int pages)
    {
        var expected = Endpoints.ToDictionary(e => e, _ => 0);
        expected[SalesforceFakeEndpoints.QueryCreate] = 1;
        expected[SalesforceFakeEndpoints.QueryPoll] = polls;
        expected[SalesforceFakeEndpoints.QueryResults] = pages;
        return expected;
    }

    private Dictionary<string, int> Calls() => Endpoints.ToDictionary(e => e, Org.Fake.Calls);

    private static Dictionary<string, int> Delta(Dictionary<string, int> after, Dictionary<string, int> before) =>
        after.ToDictionary(e => e.Key, e => e.Value - before[e.Key]);
}
