using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Testing.Fakes.HubSpot;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.HubSpot.Tests;

public sealed class HubSpotSyncTests : IAsyncLifetime
{
    private readonly StoreWorkspace _store = StoreWorkspace.Create(b => b.UseInMemory().AddHubSpotSource());
    private HubSpotFake _fake = null!;

    public async Task InitializeAsync() => _fake = await HubSpotFake.StartAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task A_sync_of_hubspot_contacts_imports_them_and_a_second_run_reads_only_the_changes()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        _fake.Add("contacts", new Dictionary<string, string> { ["email"] = "ada@example.com", ["firstname"] = "Ada" }, at);
        _fake.Add("contacts", new Dictionary<string, string> { ["email"] = "bob@example.com", ["firstname"] = "Bob" }, at.AddMinutes(1));
        var syncs = _store.Services.GetRequiredService<ISyncService>();
        var settings = new SourceSettings("hubspot", new Dictionary<string, string>
        {
            ["base-url"] = _fake.BaseUrl.ToString(),
            ["token"] = _fake.Token,
            ["object"] = "contacts",
        });
        await syncs.SaveAsync(new SyncDefinition("hubspot-contacts", settings, "contacts", "id") { TimestampField = "updated_at" });

        var first = await syncs.RunAsync("hubspot-contacts");
        _fake.Add("contacts", new Dictionary<string, string> { ["email"] = "cy@example.com", ["firstname"] = "Cy" }, at.AddHours(1));
        var second = await syncs.RunAsync("hubspot-contacts");

        first.Status.Should().Be(SyncRunStatus.Succeeded);
        first.Read.Should().Be(2);
        second.Status.Should().Be(SyncRunStatus.Succeeded);
        second.Read.Should().Be(2, "the second run searches from the cursor: the last contact read, at it, and the new one");
        (await _store.Service.CountAsync(EntityKind.Person)).Should().Be(3);
    }

    [Fact]
    public async Task A_deal_lands_as_a_related_record_of_its_companys_profile()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var acme = _fake.Add("companies", new Dictionary<string, string> { ["domain"] = "acme.example", ["name"] = "Acme" }, at);
        var globex = _fake.Add("companies", new Dictionary<string, string> { ["domain"] = "globex.example", ["name"] = "Globex" }, at);
        var renewal = _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "Acme renewal", ["amount"] = "12000" }, at);
        var upsell = _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "Globex upsell", ["amount"] = "3000" }, at);
        _fake.Associate(renewal.Id, acme.Id);
        _fake.Associate(upsell.Id, globex.Id);
        var syncs = _store.Services.GetRequiredService<ISyncService>();
        await syncs.SaveAsync(new SyncDefinition("hubspot-companies", Settings("companies"), "companies", "id") { Kind = EntityKind.Company, SourceName = "hubspot", TimestampField = "updated_at" });
        await syncs.SaveAsync(new SyncDefinition("hubspot-deals", Settings("deals"), "deals", "id")
        {
            Kind = EntityKind.Company,
            SourceName = "hubspot",
            TimestampField = "updated_at",
            Related = new RelatedTarget("deal", EntityKind.Company, "hubspot_company_id") { OwnerObject = "companies" },
        });

        var companies = await syncs.RunAsync("hubspot-companies");
        var deals = await syncs.RunAsync("hubspot-deals");

        companies.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Created == 2);
        deals.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Related == 2 && r.Rejected == 0);
        var profile = await _store.Service.FindProfileAsync(EntityKind.Company, "domain", "acme.example");
        profile.Should().NotBeNull();
        var related = await _store.Service.ListRelatedRecordsAsync(profile!.Id, "deal").ToListAsync();
        related.Should().ContainSingle("Globex's deal is Globex's").Which.Key.ExternalId.Should().Be(renewal.Id);
    }

    private SourceSettings Settings(string objectType) => new("hubspot", new Dictionary<string, string>
    {
        ["base-url"] = _fake.BaseUrl.ToString(),
        ["token"] = _fake.Token,
        ["object"] = objectType,
    });
}
