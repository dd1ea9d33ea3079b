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
}
