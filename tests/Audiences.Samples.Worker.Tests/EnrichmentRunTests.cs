using Audiences.Samples.Worker.Hosting;
using Audiences.Sdk;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Samples.Worker.Tests;

/// <summary>The worker runs the store's enrichments on their schedules with the sample providers, and logs each run.</summary>
public sealed class EnrichmentRunTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new WorkerWorkspace().WithContactsSync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_continuous_enrichment_in_the_store_runs_writes_its_values_and_refreshes_membership()
    {
        await _workspace.Warehouse.CreateAsync();
        await using var worker = await RunningWorker.StartAsync(_workspace);
        var profiles = worker.Services.GetRequiredService<IProfileService>();
        await profiles.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("crm", "contacts", "1"), EntityKind.Person, SourceKind.Crm, new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText("ada@home.example"),
                ["first_name"] = FieldValue.FromText("Ada"),
                ["last_name"] = FieldValue.FromText("Lovelace"),
                ["company_domain"] = FieldValue.FromText("acme.com"),
            })],
            new ImportOptions(EntityKind.Person));
        var audiences = worker.Services.GetRequiredService<IAudienceService>();
        var everyone = await audiences.CreateAsync(
            new AudienceDefinition("Everyone", EntityKind.Person, "tests") { Status = AudienceStatus.Active }, "first_name is not empty");
        await audiences.RefreshMembershipAsync();
        await worker.Services.GetRequiredService<IEnrichmentService>().SaveAsync(
            new EnrichmentDefinition("emails", EntityKind.Person, ["sample-work-email"], [everyone.Id])
            {
                Mappings = [new EnrichmentMapping("work_email", "work_email")],
                Continuous = true,
            });

        var ran = await worker.AdvanceUntilAsync(e => e.EventId.Id == WorkerEvents.EnrichmentRan && e["Enrichment"] == "emails");
        var refreshed = await worker.Logs.WaitForAsync(e => e.EventId.Id == WorkerEvents.EnrichmentRefreshed && e["Enrichment"] == "emails");

        ran["Written"].Should().Be("1", ran.Message);
        refreshed.Message.Should().Contain("emails");
        var ada = await profiles.FindProfileAsync(EntityKind.Person, "email", "ada@home.example");
        ada!["work_email"].IsEmpty.Should().BeFalse();
        var reachable = await audiences.CreateAsync(
            new AudienceDefinition("Reachable", EntityKind.Person, "tests") { Status = AudienceStatus.Active }, "work_email is not empty");
        await audiences.RefreshMembershipAsync();
        (await audiences.CountAsync(reachable.Id)).Should().Be(1, "the found work email is a field audiences filter on");
        var runs = await worker.Services.GetRequiredService<IEnrichmentService>().ListRunsAsync("emails");
        runs.Should().ContainSingle().Which.Trigger.Should().Be(EnrichmentTrigger.Continuous);
    }
}
