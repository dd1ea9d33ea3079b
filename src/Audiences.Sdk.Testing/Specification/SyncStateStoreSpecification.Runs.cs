using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The run history of <see cref="ISyncStateStore"/>: a run starts only when no other run of its sync is running
/// (one left running before the stale time is failed as abandoned), gets an id larger than every earlier one, is
/// read back whole once finished, newest first, and is forgotten with its sync.
/// </summary>
public abstract partial class SyncStateStoreSpecification
{
    /// <summary>A started run gets an id larger than every earlier run's; finished, every field reads back as recorded, also after a restart.</summary>
    [Fact]
    public virtual async Task A_finished_run_reads_back_whole()
    {
        var store = NewStore();
        var first = await StartAsync(store, Run("orders", SourceReadMode.Full));
        var second = await StartAsync(store, Run("leads", SourceReadMode.Incremental) with { Trigger = SyncTrigger.Schedule });
        var succeeded = first with
        {
            Status = SyncRunStatus.Succeeded,
            FinishedAt = first.StartedAt.AddMinutes(3),
            Read = 1_000_000_000_000,
            Created = 2,
            Updated = 3,
            Unchanged = 4,
            Merged = 5,
            Rejected = 6,
            Related = 7,
            Deleted = 8,
            QueuedForReview = 9,
            Errors =
            [
                new ImportError("no id") { Line = 7 },
                new ImportError("'abc' is not a number") { Record = new SourceRecordKey("shop", "rows", "9"), Field = "amount", Line = 9 },
                new ImportError("deleted at the source") { Record = new SourceRecordKey("shop", "rows", "12") },
            ],
            CursorBefore = "2026-01-01T00:00:00Z",
            CursorAfter = "{\"offset\":42,\"token\":\"é\"}",
        };
        var failed = second with { Status = SyncRunStatus.Failed, FinishedAt = second.StartedAt.AddSeconds(1), Failure = "The source was unreachable: timeout." };

        await store.SyncState.FinishRunAsync(succeeded);
        await store.SyncState.FinishRunAsync(failed);

        first.Id.Should().BePositive();
        second.Id.Should().BeGreaterThan(first.Id);
        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SyncState.ListRunsAsync("orders", 10)).Should().BeEquivalentTo([succeeded]);
            (await workspace.SyncState.ListRunsAsync("leads", 10)).Should().BeEquivalentTo([failed]);
        }
    }

    /// <summary>While a run of a sync is running, and started at or after the stale time, no other run of that sync starts; other syncs do.</summary>
    [Fact]
    public virtual async Task A_run_does_not_start_while_another_run_of_its_sync_is_running()
    {
        var store = NewStore();
        var running = await StartAsync(store, Run("orders", SourceReadMode.Full));

        (await store.SyncState.TryStartRunAsync(Run("orders", SourceReadMode.Incremental), running.StartedAt.AddHours(-1))).Should().BeNull();
        (await Reopen(store).SyncState.TryStartRunAsync(Run("orders", SourceReadMode.Full), running.StartedAt)).Should().BeNull();
        (await store.SyncState.TryStartRunAsync(Run("leads", SourceReadMode.Full), running.StartedAt)).Should().NotBeNull();

        await store.SyncState.FinishRunAsync(running with { Status = SyncRunStatus.Succeeded, FinishedAt = running.StartedAt.AddMinutes(1) });

        (await store.SyncState.TryStartRunAsync(Run("orders", SourceReadMode.Full), running.StartedAt)).Should().NotBeNull();
        (await store.SyncState.ListRunsAsync("orders", 10)).Should().HaveCount(2);
    }

    /// <summary>A run still marked running that started before the stale time is failed as abandoned, and the new run starts.</summary>
    [Fact]
    public virtual async Task A_run_left_running_before_the_stale_time_is_failed_and_a_new_one_starts()
    {
        var store = NewStore();
        var abandoned = await StartAsync(store, Run("orders", SourceReadMode.Full));
        Clock.Advance(TimeSpan.FromHours(2));

        var next = await store.SyncState.TryStartRunAsync(Run("orders", SourceReadMode.Incremental), Clock.GetUtcNow().AddHours(-1));

        next.Should().NotBeNull();
        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var runs = await workspace.SyncState.ListRunsAsync("orders", 10);
            runs.Select(r => r.Id).Should().Equal(next!.Id, abandoned.Id);
            runs[0].Status.Should().Be(SyncRunStatus.Running);
            runs[1].Status.Should().Be(SyncRunStatus.Failed);
            runs[1].Failure.Should().ContainEquivalentOf("abandoned");
            runs[1].FinishedAt.Should().NotBeNull();
            runs[1].Should().BeEquivalentTo(abandoned, o => o.Excluding(r => r.Status).Excluding(r => r.Failure).Excluding(r => r.FinishedAt).Excluding(r => r.Duration));
        }
    }

    /// <summary>
    /// A run taken over as abandoned keeps that record when its process, alive after all, finishes it later: the
    /// history must not claim it ended well while another run of the sync ran.
    /// </summary>
    [Fact]
    public virtual async Task A_run_taken_over_keeps_its_abandoned_record_when_finished_late()
    {
        var store = NewStore();
        var abandoned = await StartAsync(store, Run("orders", SourceReadMode.Full));
        Clock.Advance(TimeSpan.FromHours(2));
        await store.SyncState.TryStartRunAsync(Run("orders", SourceReadMode.Incremental), Clock.GetUtcNow().AddHours(-1));

        await store.SyncState.FinishRunAsync(abandoned with { Status = SyncRunStatus.Succeeded, FinishedAt = Clock.GetUtcNow(), Read = 10 });

        var late = (await store.SyncState.ListRunsAsync("orders", 10)).Single(r => r.Id == abandoned.Id);
        late.Status.Should().Be(SyncRunStatus.Failed);
        late.Failure.Should().ContainEquivalentOf("abandoned");
        late.Read.Should().Be(0);
    }

    /// <summary>Starts of one sync racing each other, through two opened instances of the store, admit exactly one run.</summary>
    [Fact]
    public virtual async Task Racing_starts_of_one_sync_admit_one_run()
    {
        var store = NewStore();
        var stores = new[] { store, Reopen(store) };
        var staleBefore = Clock.GetUtcNow().AddHours(-1);

        var started = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(async () => await stores[i % 2].SyncState.TryStartRunAsync(Run("orders", SourceReadMode.Full), staleBefore))));

        started.Where(r => r is not null).Should().ContainSingle();
        (await store.SyncState.ListRunsAsync("orders", 10)).Should().ContainSingle();
    }

    /// <summary>Finishing a run that was never started throws <see cref="KeyNotFoundException"/>.</summary>
    [Fact]
    public virtual async Task Finishing_an_unknown_run_throws()
    {
        var store = NewStore();
        var started = await StartAsync(store, Run("orders", SourceReadMode.Full));

        await FluentActions.Awaiting(async () => await store.SyncState.FinishRunAsync(started with { Id = started.Id + 100, Status = SyncRunStatus.Succeeded }))
            .Should().ThrowAsync<KeyNotFoundException>();
        (await store.SyncState.ListRunsAsync("orders", 10)).Should().BeEquivalentTo([started]);
    }

    /// <summary>A sync's runs are listed newest first, up to the limit, optionally of one mode only; a limit below 1 is refused.</summary>
    [Fact]
    public virtual async Task Runs_are_listed_newest_first_up_to_the_limit_and_by_mode()
    {
        var store = NewStore();
        var ids = new List<long>();
        foreach (var mode in new[] { SourceReadMode.Full, SourceReadMode.Incremental, SourceReadMode.Incremental, SourceReadMode.Full, SourceReadMode.Incremental })
        {
            var run = await StartAsync(store, Run("orders", mode));
            await store.SyncState.FinishRunAsync(run with { Status = SyncRunStatus.Succeeded, FinishedAt = run.StartedAt });
            ids.Add(run.Id);
            var other = await StartAsync(store, Run("leads", mode));
            await store.SyncState.FinishRunAsync(other with { Status = SyncRunStatus.Succeeded, FinishedAt = other.StartedAt });
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SyncState.ListRunsAsync("orders", 3)).Select(r => r.Id).Should().Equal(ids[4], ids[3], ids[2]);
            (await workspace.SyncState.ListRunsAsync("orders", 10, SourceReadMode.Full)).Select(r => r.Id).Should().Equal(ids[3], ids[0]);
            (await workspace.SyncState.ListRunsAsync("orders", 2, SourceReadMode.Incremental)).Select(r => r.Id).Should().Equal(ids[4], ids[2]);
            (await workspace.SyncState.ListRunsAsync("missing", 10)).Should().BeEmpty();
        }

        await FluentActions.Awaiting(async () => await store.SyncState.ListRunsAsync("orders", 0)).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    /// <summary>Deleting a sync forgets its cursor and runs and keeps other syncs'; later runs still get ids larger than every earlier run's.</summary>
    [Fact]
    public virtual async Task Deleting_a_sync_forgets_its_cursor_and_runs()
    {
        var store = NewStore();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await store.SyncState.SaveCursorAsync(session, "orders", "page-1");
            await store.SyncState.SaveCursorAsync(session, "leads", "page-9");
            await session.CommitAsync();
        }

        var kept = await StartAsync(store, Run("leads", SourceReadMode.Full));
        await StartAsync(store, Run("orders", SourceReadMode.Full));
        var last = await StartAsync(store, Run("orders", SourceReadMode.Full), Clock.GetUtcNow().AddDays(1));

        await store.SyncState.DeleteAsync("orders");

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SyncState.GetCursorAsync("orders")).Should().BeNull();
            (await workspace.SyncState.ListRunsAsync("orders", 10)).Should().BeEmpty();
            (await workspace.SyncState.GetCursorAsync("leads")).Should().Be("page-9");
            (await workspace.SyncState.ListRunsAsync("leads", 10)).Should().BeEquivalentTo([kept]);
        }

        (await StartAsync(store, Run("orders", SourceReadMode.Full))).Id.Should().BeGreaterThan(last.Id);
    }

    /// <summary>A run of <paramref name="sync"/> started by hand now, not yet stored.</summary>
    protected SyncRun Run(string sync, SourceReadMode mode) => new(0, sync, mode, SyncTrigger.Manual, Clock.GetUtcNow());

    /// <summary>Starts a run that must start (runs started before <paramref name="staleBefore"/>, by default an hour ago, are stale).</summary>
    private async Task<SyncRun> StartAsync(StoreWorkspace store, SyncRun run, DateTimeOffset? staleBefore = null) =>
        await store.SyncState.TryStartRunAsync(run, staleBefore ?? Clock.GetUtcNow().AddHours(-1))
            ?? throw new InvalidOperationException($"The run of {run.Sync} did not start.");
}
