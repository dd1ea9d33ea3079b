using Audiences.Sdk.Exports;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IExportRunStore"/> contract: a run starts only while no other run of its export (its name in any
/// case) is running since the stale limit, atomically, so of many starting at once exactly one does; an older running
/// run is failed as abandoned; ids increase and are never handed out again; only a running run finishes, keeping what
/// identifies it; runs read back whole, newest first; a checkpoint is kept per export, replaced when saved again.
/// </summary>
public abstract class ExportRunStoreSpecification : StoreSpecification
{
    /// <summary>Every field of a finished run reads back as recorded, in the list, also after a restart.</summary>
    [Fact]
    public virtual async Task A_finished_run_reads_back_whole()
    {
        var store = NewStore();
        var first = await StartAsync(store, Run("contacts"));
        var second = await StartAsync(store, Run("accounts") with { Trigger = ExportTrigger.Schedule });
        var completed = first with
        {
            Status = ExportRunStatus.Completed,
            FinishedAt = first.StartedAt.AddMinutes(3).AddTicks(7),
            Full = true,
            Sent = 1_000_000_000_000,
            Succeeded = 999_999_999_990,
            Failed = 10,
            Created = 4,
            Updated = 5,
            Removed = 6,
            Skipped = 7,
        };
        var failed = second with { Status = ExportRunStatus.Failed, FinishedAt = second.StartedAt.AddSeconds(1), Failure = "The destination 'crm' is unreachable — ü." };

        await store.ExportRuns.FinishRunAsync(completed);
        await store.ExportRuns.FinishRunAsync(failed);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportRuns.ListRunsAsync("contacts", 10)).Should().BeEquivalentTo([completed]);
            (await workspace.ExportRuns.ListRunsAsync("accounts", 10)).Should().BeEquivalentTo([failed]);
            (await workspace.ExportRuns.ListRunsAsync("contacts", 10)).Single().Duration.Should().Be(TimeSpan.FromMinutes(3) + TimeSpan.FromTicks(7));
        }
    }

    /// <summary>A started run reads back running: no end, no counts, not full unless started so, with the trigger and start it was given.</summary>
    [Fact]
    public virtual async Task A_started_run_reads_back_running()
    {
        var store = NewStore();
        var started = await StartAsync(store, Run("contacts") with { Trigger = ExportTrigger.Schedule, Full = true });

        var read = (await Reopen(store).ExportRuns.ListRunsAsync("contacts", 10)).Single();
        read.Should().BeEquivalentTo(started);
        read.Status.Should().Be(ExportRunStatus.Running);
        read.Trigger.Should().Be(ExportTrigger.Schedule);
        read.Full.Should().BeTrue();
        read.FinishedAt.Should().BeNull();
        read.Duration.Should().BeNull();
        (read.Sent, read.Succeeded, read.Failed, read.Skipped).Should().Be((0, 0, 0, 0));
        read.Failure.Should().BeNull();
    }

    /// <summary>Times read back to the tick: the start and the end of a run are the instants recorded, whatever their offset.</summary>
    [Fact]
    public virtual async Task Run_times_read_back_to_the_tick()
    {
        var store = NewStore();
        var startedAt = new DateTimeOffset(2026, 1, 15, 11, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var started = await StartAsync(store, new ExportRun(0, "contacts", ExportTrigger.Manual, startedAt));
        var finishedAt = startedAt.AddTicks(1);
        await store.ExportRuns.FinishRunAsync(started with { Status = ExportRunStatus.Completed, FinishedAt = finishedAt });

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var read = (await workspace.ExportRuns.ListRunsAsync("contacts", 1)).Single();
            read.StartedAt.UtcTicks.Should().Be(startedAt.UtcTicks);
            read.FinishedAt!.Value.UtcTicks.Should().Be(finishedAt.UtcTicks);
            read.Duration.Should().Be(TimeSpan.FromTicks(1));
        }
    }

    /// <summary>Each run gets an id larger than every earlier run's, of any export, also after a restart; the id the caller passes is ignored.</summary>
    [Fact]
    public virtual async Task Run_ids_increase_and_are_never_handed_out_again()
    {
        var store = NewStore();
        var ids = new List<long>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            var run = await StartAsync(store, Run(name) with { Id = 42 });
            ids.Add(run.Id);
            await store.ExportRuns.FinishRunAsync(run with { Status = ExportRunStatus.Completed, FinishedAt = run.StartedAt });
        }

        ids[0].Should().BePositive();
        ids.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var reopened = Reopen(store);
        var next = (await StartAsync(reopened, Run("a"))).Id;
        next.Should().BeGreaterThan(ids[^1]);
        (await StartAsync(reopened, Run("d"))).Id.Should().BeGreaterThan(next);
    }

    /// <summary>
    /// While a run of an export is running and started at or after the stale limit, another run of it — by its name
    /// in any case — does not start; runs of other exports do; once the run finishes, the next one starts.
    /// </summary>
    [Fact]
    public virtual async Task A_run_does_not_start_while_another_of_its_export_is_running()
    {
        var store = NewStore();
        var running = await StartAsync(store, Run("Contacts"));
        Clock.Advance(TimeSpan.FromMinutes(5));

        (await store.ExportRuns.TryStartRunAsync(Run("contacts"), running.StartedAt)).Should().BeNull();
        (await Reopen(store).ExportRuns.TryStartRunAsync(Run("CONTACTS"), running.StartedAt.AddMinutes(-1))).Should().BeNull();
        var other = await StartAsync(store, Run("accounts"), running.StartedAt);

        (await store.ExportRuns.ListRunsAsync("contacts", 10)).Should().BeEquivalentTo([running]);
        await store.ExportRuns.FinishRunAsync(running with { Status = ExportRunStatus.Completed, FinishedAt = Clock.GetUtcNow() });
        var next = await store.ExportRuns.TryStartRunAsync(Run("contacts"), running.StartedAt);

        next.Should().NotBeNull();
        next!.Id.Should().BeGreaterThan(other.Id);
        (await store.ExportRuns.ListRunsAsync("contacts", 10)).Select(r => (r.Id, r.Status))
            .Should().Equal((next.Id, ExportRunStatus.Running), (running.Id, ExportRunStatus.Completed));
    }

    /// <summary>
    /// A run still marked running that started before the stale limit is taken for dead: it is failed, with an end
    /// and a reason saying it was abandoned, and the new run starts; finishing the abandoned run later changes nothing.
    /// </summary>
    [Fact]
    public virtual async Task A_stale_running_run_is_failed_as_abandoned_and_the_new_run_starts()
    {
        var store = NewStore();
        var stale = await StartAsync(store, Run("contacts"));
        Clock.Advance(TimeSpan.FromHours(3));

        var next = await store.ExportRuns.TryStartRunAsync(Run("CONTACTS"), stale.StartedAt.AddTicks(1));

        next.Should().NotBeNull();
        await store.ExportRuns.FinishRunAsync(stale with { Status = ExportRunStatus.Completed, FinishedAt = Clock.GetUtcNow(), Sent = 5 });
        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var runs = await workspace.ExportRuns.ListRunsAsync("contacts", 10);
            runs.Select(r => r.Id).Should().Equal(next!.Id, stale.Id);
            runs[0].Should().BeEquivalentTo(next);
            var abandoned = runs[1];
            abandoned.Status.Should().Be(ExportRunStatus.Failed);
            abandoned.Failure.Should().ContainEquivalentOf("abandoned");
            abandoned.FinishedAt.Should().NotBeNull();
            abandoned.FinishedAt!.Value.Should().BeOnOrAfter(stale.StartedAt);
            abandoned.Sent.Should().Be(0);
            (abandoned.Export, abandoned.Trigger, abandoned.StartedAt).Should().Be((stale.Export, stale.Trigger, stale.StartedAt));
        }
    }

    /// <summary>Of many runs of one export started at once, from one workspace or two over the same data, exactly one starts.</summary>
    [Fact]
    public virtual async Task Of_runs_started_at_once_exactly_one_starts()
    {
        var store = NewStore();
        var other = Reopen(store);
        var staleBefore = Clock.GetUtcNow().AddHours(-1);

        var starts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? store : other).ExportRuns.TryStartRunAsync(Run(i % 3 == 0 ? "contacts" : "Contacts"), staleBefore))));

        var started = starts.Where(r => r is not null).Should().ContainSingle().Subject!;
        (await store.ExportRuns.ListRunsAsync("contacts", 100)).Should().BeEquivalentTo([started]);
    }

    /// <summary>Runs of different exports started at once all start, each with its own id.</summary>
    [Fact]
    public virtual async Task Runs_of_different_exports_started_at_once_all_start()
    {
        var store = NewStore();

        var starts = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
            await store.ExportRuns.TryStartRunAsync(Run($"export-{i}"), DateTimeOffset.MinValue))));

        starts.Should().AllSatisfy(r => r.Should().NotBeNull());
        starts.Select(r => r!.Id).Should().OnlyHaveUniqueItems();
    }

    /// <summary>
    /// Only a running run finishes: finishing it again changes nothing, and what identifies it (export, trigger,
    /// start) stays as started whatever the finishing call says.
    /// </summary>
    [Fact]
    public virtual async Task Only_a_running_run_finishes_and_keeps_what_identifies_it()
    {
        var store = NewStore();
        var started = await StartAsync(store, Run("contacts"));
        var completed = started with { Status = ExportRunStatus.Completed, FinishedAt = started.StartedAt.AddMinutes(1), Sent = 10, Succeeded = 10, Updated = 10 };

        await store.ExportRuns.FinishRunAsync(completed with
        {
            Export = "other",
            Trigger = ExportTrigger.Schedule,
            StartedAt = started.StartedAt.AddDays(-1),
        });
        await store.ExportRuns.FinishRunAsync(completed with { Status = ExportRunStatus.Failed, Failure = "late", Sent = 99 });
        await store.ExportRuns.FinishRunAsync(completed with { Status = ExportRunStatus.Running, FinishedAt = null });

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportRuns.ListRunsAsync("contacts", 10)).Should().BeEquivalentTo([completed]);
            (await workspace.ExportRuns.ListRunsAsync("other", 10)).Should().BeEmpty();
        }
    }

    /// <summary>Finishing a run that was never started throws <see cref="KeyNotFoundException"/> and changes no run.</summary>
    [Fact]
    public virtual async Task Finishing_an_unknown_run_throws()
    {
        var store = NewStore();
        var started = await StartAsync(store, Run("contacts"));

        await FluentActions.Awaiting(async () => await store.ExportRuns.FinishRunAsync(started with { Id = started.Id + 100, Status = ExportRunStatus.Completed }))
            .Should().ThrowAsync<KeyNotFoundException>();
        (await store.ExportRuns.ListRunsAsync("contacts", 10)).Should().BeEquivalentTo([started]);
    }

    /// <summary>An export's runs are listed newest first, up to the limit, by its name in any case; other exports' runs are not.</summary>
    [Fact]
    public virtual async Task Runs_are_listed_newest_first_up_to_the_limit()
    {
        var store = NewStore();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var run = await StartAsync(store, Run(i % 2 == 0 ? "Contacts" : "contacts"));
            ids.Add(run.Id);
            await store.ExportRuns.FinishRunAsync(run with { Status = ExportRunStatus.Completed, FinishedAt = run.StartedAt });
            var other = await StartAsync(store, Run("accounts"));
            await store.ExportRuns.FinishRunAsync(other with { Status = ExportRunStatus.Completed, FinishedAt = other.StartedAt });
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportRuns.ListRunsAsync("CONTACTS", 3)).Select(r => r.Id).Should().Equal(ids[4], ids[3], ids[2]);
            (await workspace.ExportRuns.ListRunsAsync("contacts", 1)).Select(r => r.Id).Should().Equal(ids[4]);
            (await workspace.ExportRuns.ListRunsAsync("contacts", 10)).Select(r => r.Id).Should().Equal(ids[4], ids[3], ids[2], ids[1], ids[0]);
            (await workspace.ExportRuns.ListRunsAsync("contacts", 10)).Select(r => r.Export).Should().Equal("Contacts", "contacts", "Contacts", "contacts", "Contacts");
            (await workspace.ExportRuns.ListRunsAsync("missing", 10)).Should().BeEmpty();
        }
    }

    /// <summary>An export has no checkpoint before one is saved; a saved one reads back whole, to the tick, by the name in any case, also after a restart.</summary>
    [Fact]
    public virtual async Task A_checkpoint_reads_back_after_it_is_saved()
    {
        var store = NewStore();
        (await store.ExportRuns.GetCheckpointAsync("contacts")).Should().BeNull();
        var checkpoint = new ExportCheckpoint(
            "contacts", 1_000_000_000_007, 42, "sha256:0f3a—ü", new DateTimeOffset(2026, 1, 15, 4, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1_234_567));

        await store.ExportRuns.SaveCheckpointAsync(checkpoint);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var read = await workspace.ExportRuns.GetCheckpointAsync("CONTACTS");
            read.Should().Be(checkpoint);
            read!.At.UtcTicks.Should().Be(checkpoint.At.UtcTicks);
            (await workspace.ExportRuns.GetCheckpointAsync("accounts")).Should().BeNull();
        }
    }

    /// <summary>Saving a checkpoint again, by the name in any case, replaces it, later or earlier; each export keeps its own.</summary>
    [Fact]
    public virtual async Task Saving_a_checkpoint_again_replaces_it()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        await store.ExportRuns.SaveCheckpointAsync(new ExportCheckpoint("contacts", 10, 5, "a", now));
        var accounts = new ExportCheckpoint("accounts", 7, 7, "b", now);
        await store.ExportRuns.SaveCheckpointAsync(accounts);
        var replaced = new ExportCheckpoint("Contacts", 3, 0, "c", now.AddDays(-1));

        await store.ExportRuns.SaveCheckpointAsync(replaced);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportRuns.GetCheckpointAsync("contacts")).Should().Be(replaced);
            (await workspace.ExportRuns.GetCheckpointAsync("accounts")).Should().Be(accounts);
        }
    }

    /// <summary>Null arguments, a run or checkpoint without an export name, and a limit below 1 are refused.</summary>
    [Fact]
    public virtual async Task Invalid_arguments_are_refused()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();

        await FluentActions.Awaiting(async () => await store.ExportRuns.TryStartRunAsync(null!, now)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportRuns.TryStartRunAsync(Run(" "), now)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.ExportRuns.FinishRunAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportRuns.ListRunsAsync(null!, 10)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportRuns.ListRunsAsync("contacts", 0)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(async () => await store.ExportRuns.ListRunsAsync("contacts", -1)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(async () => await store.ExportRuns.GetCheckpointAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportRuns.SaveCheckpointAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportRuns.SaveCheckpointAsync(new ExportCheckpoint(" ", 1, 1, "f", now))).Should().ThrowAsync<ArgumentException>();
        (await store.ExportRuns.ListRunsAsync(" ", 10)).Should().BeEmpty();
    }

    /// <summary>A run of <paramref name="export"/> started by hand now, not yet stored.</summary>
    protected ExportRun Run(string export) => new(0, export, ExportTrigger.Manual, Clock.GetUtcNow());

    /// <summary>Starts <paramref name="run"/>, which must start: no other run of its export is running since <paramref name="staleBefore"/> (an hour ago by default).</summary>
    protected async Task<ExportRun> StartAsync(StoreWorkspace workspace, ExportRun run, DateTimeOffset? staleBefore = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var started = await workspace.ExportRuns.TryStartRunAsync(run, staleBefore ?? Clock.GetUtcNow().AddHours(-1));
        started.Should().NotBeNull("no other run of {0} is running", run.Export);
        return started!;
    }
}
