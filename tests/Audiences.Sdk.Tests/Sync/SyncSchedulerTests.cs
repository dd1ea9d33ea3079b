using Audiences.Sdk.Scheduling;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Tests.Sync;

/// <summary>The scheduler loop on a fake clock: it sleeps until the next sync is due, runs it, and stops when cancelled.</summary>
public sealed class SyncSchedulerTests : IDisposable
{
    private readonly SyncFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task RunAsync_RunsEachDueSyncAsTheClockMoves_AndStopsWhenCancelled()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.WarehouseIncremental));
        var scheduler = _fx.Workspace.Services.GetRequiredService<SyncScheduler>();
        var runs = new List<SyncRun>();
        var ran = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();

        var loop = scheduler.RunAsync(
            (run, _) =>
            {
                runs.Add(run);
                ran.Release();
                return Task.CompletedTask;
            },
            stop.Token);
        (await ran.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue("the sync was due at once");

        // A minute at a time, giving the loop time to wake: the next run starts when the clock reaches its slot.
        var next = false;
        for (var minute = 0; minute < 30 && !next; minute++)
        {
            _fx.Clock.Advance(TimeSpan.FromMinutes(1));
            next = await ran.WaitAsync(TimeSpan.FromMilliseconds(200));
        }

        next.Should().BeTrue("the next run is due 15 minutes later");
        await stop.CancelAsync();

        await loop.Invoking(l => l).Should().ThrowAsync<OperationCanceledException>();
        runs.Select(r => (r.Mode, r.Trigger, r.StartedAt)).Should().Equal(
            (SourceReadMode.Incremental, SyncTrigger.Schedule, SyncFixture.Start),
            (SourceReadMode.Incremental, SyncTrigger.Schedule, SyncFixture.Start.AddMinutes(15)));
    }

    [Fact]
    public async Task RunDueAsync_CallsBackAfterEachRun_BeforeTheNextStarts()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.WarehouseIncremental) with { Name = "a" });
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.WarehouseIncremental) with { Name = "b" });
        var scheduler = _fx.Workspace.Services.GetRequiredService<SyncScheduler>();
        var seen = new List<(string Sync, int RunsOfBAtThatMoment)>();

        var runs = await scheduler.RunDueAsync(async (run, ct) => seen.Add((run.Sync, (await _fx.Syncs.ListRunsAsync("b", cancellationToken: ct)).Count)));

        runs.Select(r => r.Sync).Should().Equal("a", "b");
        seen.Should().Equal([("a", 0), ("b", 1)], "the callback after a's run comes before b's run starts");
    }

    [Fact]
    public async Task RunDueAsync_ACallbackThatFails_IsLogged_AndTheOtherRunsGoOn()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.WarehouseIncremental) with { Name = "a" });
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.WarehouseIncremental) with { Name = "b" });
        var scheduler = _fx.Workspace.Services.GetRequiredService<SyncScheduler>();
        var called = new List<string>();

        var runs = await scheduler.RunDueAsync((run, _) =>
        {
            called.Add(run.Sync);
            throw new InvalidOperationException("the membership refresh failed");
        });

        runs.Select(r => r.Sync).Should().Equal("a", "b");
        called.Should().Equal("a", "b");
    }
}
