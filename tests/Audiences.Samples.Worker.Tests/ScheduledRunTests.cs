using Audiences.Samples.Worker.Hosting;
using Audiences.Sdk;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Tests;

/// <summary>The worker in-process on a fake clock: syncs run when due, and membership follows the runs that changed profiles.</summary>
public sealed class ScheduledRunTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new WorkerWorkspace().WithContactsSync();
    private readonly DateTimeOffset _earlier = WorkerWorkspace.Start.AddHours(-1);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_due_sync_runs_at_start_and_its_rows_become_profiles_with_the_mapped_title()
    {
        await SeedAsync();
        await using var worker = await RunningWorker.StartAsync(_workspace);

        var run = await worker.Logs.WaitForAsync(WorkerMatches.Run("contacts", 1));

        run.EventId.Id.Should().Be(WorkerEvents.RunSucceeded, run.Message);
        run["Read"].Should().Be("2");
        run["Created"].Should().Be("2");
        var profiles = worker.Services.GetRequiredService<IProfileService>();
        var bob = await profiles.FindProfileAsync(EntityKind.Person, "email", "bob@example.com");
        bob.Should().NotBeNull();
        bob!["title"].Should().Be(FieldValue.FromText("CTO"));
        var history = await worker.Services.GetRequiredService<ISyncService>().ListRunsAsync("contacts");
        history.Should().ContainSingle().Which.Should().Match<SyncRun>(r =>
            r.Status == SyncRunStatus.Succeeded && r.Trigger == SyncTrigger.Schedule && r.Created == 2);
    }

    [Fact]
    public async Task The_next_run_on_the_15_minute_clock_reads_only_the_added_row()
    {
        await SeedAsync();
        await using var worker = await RunningWorker.StartAsync(_workspace);
        await worker.Logs.WaitForAsync(WorkerMatches.Run("contacts", 1));

        await _workspace.Warehouse.PutAsync(3, "grace@example.com", "Grace", "VP Engineering", _workspace.Clock.GetUtcNow());
        var second = await worker.AdvanceUntilAsync(WorkerMatches.Run("contacts", 2));

        second.EventId.Id.Should().Be(WorkerEvents.RunSucceeded, second.Message);
        second["Mode"].Should().Be("incremental");
        second["Read"].Should().Be("1", "only the added row changed after the first run's cursor");
        second["Created"].Should().Be("1");
        var runs = await worker.Services.GetRequiredService<ISyncService>().ListRunsAsync("contacts");
        (runs[0].StartedAt - runs[1].StartedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(15), "the sync runs every 15 minutes");
    }

    [Fact]
    public async Task An_audience_gains_a_member_through_the_refresh_after_a_run()
    {
        await SeedAsync();
        await using var worker = await RunningWorker.StartAsync(_workspace);
        await worker.Logs.WaitForAsync(WorkerMatches.Event(WorkerEvents.Refreshed, "contacts"));
        var audiences = worker.Services.GetRequiredService<IAudienceService>();
        var leaders = await audiences.CreateAsync(
            new AudienceDefinition("Leaders", EntityKind.Person, "tests") { Status = AudienceStatus.Active }, "title = 'CTO'");
        (await audiences.CountAsync(leaders.Id)).Should().Be(1);

        await _workspace.Warehouse.PutAsync(1, "ada@example.com", "Ada", "CTO", _workspace.Clock.GetUtcNow());
        await worker.AdvanceUntilAsync(WorkerMatches.Run("contacts", 2));
        var refreshed = await worker.Logs.WaitForAsync(e => e.EventId.Id == WorkerEvents.Refreshed && e["Entered"] == "1");

        refreshed["Sync"].Should().Be("contacts");
        (await audiences.CountAsync(leaders.Id)).Should().Be(2, "Ada became a CTO in the warehouse");
    }

    [Fact]
    public async Task A_run_that_changed_nothing_triggers_no_refresh()
    {
        await SeedAsync();
        await using var worker = await RunningWorker.StartAsync(_workspace);
        await worker.Logs.WaitForAsync(WorkerMatches.Event(WorkerEvents.Refreshed, "contacts"));

        var second = await worker.AdvanceUntilAsync(WorkerMatches.Run("contacts", 2));
        var skipped = await worker.Logs.WaitForAsync(WorkerMatches.Event(WorkerEvents.NotRefreshed, "contacts"));

        second["Created"].Should().Be("0");
        second["Updated"].Should().Be("0");
        skipped["RunId"].Should().Be("2");
        worker.Logs.Events(WorkerEvents.Refreshed).Should().ContainSingle("only the first run stored changes");
    }

    [Fact]
    public async Task A_failed_run_is_logged_with_its_reason_and_the_next_run_still_happens()
    {
        await SeedAsync();
        await using var worker = await RunningWorker.StartAsync(_workspace);
        await worker.Logs.WaitForAsync(WorkerMatches.Run("contacts", 1));

        await _workspace.Warehouse.DropAsync();
        var failed = await worker.AdvanceUntilAsync(WorkerMatches.Run("contacts", 2));
        await _workspace.Warehouse.CreateAsync();
        await _workspace.Warehouse.PutAsync(4, "alan@example.com", "Alan", "Engineer", _workspace.Clock.GetUtcNow());
        var next = await worker.AdvanceUntilAsync(WorkerMatches.Run("contacts", 3));

        failed.EventId.Id.Should().Be(WorkerEvents.RunFailed);
        failed.Level.Should().Be(LogLevel.Warning);
        failed["Failure"].Should().Contain("no such table");
        next.EventId.Id.Should().Be(WorkerEvents.RunSucceeded, next.Message);
        worker.WorkerTask.IsCompleted.Should().BeFalse("a failed run does not end the loop");
    }

    /// <summary>Two contacts stamped an hour before the clock's start: Ada the engineer and Bob the CTO.</summary>
    private async Task SeedAsync()
    {
        await _workspace.Warehouse.CreateAsync();
        await _workspace.Warehouse.PutAsync(1, "ada@example.com", "Ada", "Engineer", _earlier);
        await _workspace.Warehouse.PutAsync(2, "bob@example.com", "Bob", "CTO", _earlier);
    }
}
