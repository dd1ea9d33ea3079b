using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="ISignalRunStore"/> contract: a run gets an id larger than every earlier one, never handed out again;
/// only a running run finishes, keeping what identifies it; runs read back whole, credits exactly, newest first by the
/// signal's name in any case; how far each record was checked is kept per signal and profile, replaced when recorded
/// again, to the tick; runs and checks outlive their definition.
/// </summary>
public abstract class SignalRunStoreSpecification : StoreSpecification
{
    /// <summary>Every field of a finished run reads back as recorded, by id and in the list, credits to the last digit, also after a restart.</summary>
    [Fact]
    public virtual async Task A_finished_run_reads_back_whole()
    {
        var store = NewStore();
        var first = await store.SignalRuns.StartRunAsync(Run("job-changes"));
        var second = await store.SignalRuns.StartRunAsync(Run("funding") with { Trigger = SignalTrigger.Schedule });
        var completed = first with
        {
            Status = SignalRunStatus.Completed,
            FinishedAt = first.StartedAt.AddMinutes(3).AddTicks(7),
            Checked = 1_000_000_000_000,
            Fired = 2,
            Failed = 3,
            Credits = 1234567.89m,
            Errors =
            [
                new SignalError(new ProfileId(7), "timeout after 3 retries"),
                new SignalError(new ProfileId(9), "no company — ü"),
            ],
        };
        var budget = second with { Status = SignalRunStatus.BudgetReached, FinishedAt = second.StartedAt.AddSeconds(1), Credits = 0.001m };

        await store.SignalRuns.FinishRunAsync(completed);
        await store.SignalRuns.FinishRunAsync(budget);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalRuns.GetRunAsync(first.Id)).Should().BeEquivalentTo(completed);
            (await workspace.SignalRuns.GetRunAsync(second.Id)).Should().BeEquivalentTo(budget);
            (await workspace.SignalRuns.GetRunAsync(first.Id))!.Credits.Should().Be(1234567.89m);
            (await workspace.SignalRuns.GetRunAsync(second.Id))!.Credits.Should().Be(0.001m);
            (await workspace.SignalRuns.GetRunAsync(second.Id))!.Credits.Scale.Should().Be(3);
            (await workspace.SignalRuns.GetRunAsync(first.Id))!.Duration.Should().Be(TimeSpan.FromMinutes(3) + TimeSpan.FromTicks(7));
            (await workspace.SignalRuns.ListRunsAsync("job-changes", 10)).Should().BeEquivalentTo([completed]);
        }
    }

    /// <summary>Times read back to the tick: the start and the end of a run are the instants recorded.</summary>
    [Fact]
    public virtual async Task Run_times_read_back_to_the_tick()
    {
        var store = NewStore();
        var startedAt = new DateTimeOffset(2026, 1, 15, 11, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var started = await store.SignalRuns.StartRunAsync(new SignalRun(0, "job-changes", SignalTrigger.Manual, startedAt));
        var finishedAt = startedAt.AddTicks(1);
        await store.SignalRuns.FinishRunAsync(started with { Status = SignalRunStatus.Completed, FinishedAt = finishedAt });

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var read = (await workspace.SignalRuns.GetRunAsync(started.Id))!;
            read.StartedAt.UtcTicks.Should().Be(startedAt.UtcTicks);
            read.FinishedAt!.Value.UtcTicks.Should().Be(finishedAt.UtcTicks);
            read.Duration.Should().Be(TimeSpan.FromTicks(1));
        }
    }

    /// <summary>A started run is running, with no end and the trigger and start it was given; a failed run keeps its reason.</summary>
    [Fact]
    public virtual async Task A_started_run_reads_back_running_and_a_failed_one_with_its_reason()
    {
        var store = NewStore();
        var running = await store.SignalRuns.StartRunAsync(Run("job-changes") with { Trigger = SignalTrigger.Schedule });
        var failing = await store.SignalRuns.StartRunAsync(Run("job-changes"));
        var failed = failing with { Status = SignalRunStatus.Failed, FinishedAt = failing.StartedAt, Failure = "Provider 'x' is not registered." };
        await store.SignalRuns.FinishRunAsync(failed);

        var workspace = Reopen(store);
        var read = await workspace.SignalRuns.GetRunAsync(running.Id);
        read.Should().BeEquivalentTo(running);
        read!.Status.Should().Be(SignalRunStatus.Running);
        read.Trigger.Should().Be(SignalTrigger.Schedule);
        read.FinishedAt.Should().BeNull();
        read.Duration.Should().BeNull();
        read.Errors.Should().BeEmpty();
        (await workspace.SignalRuns.GetRunAsync(failing.Id)).Should().BeEquivalentTo(failed);
    }

    /// <summary>Each run gets an id larger than every earlier run's, of any signal, also after a restart.</summary>
    [Fact]
    public virtual async Task Run_ids_increase_and_are_never_handed_out_again()
    {
        var store = NewStore();
        var ids = new List<long>();
        foreach (var name in new[] { "a", "b", "a", "c" })
        {
            ids.Add((await store.SignalRuns.StartRunAsync(Run(name))).Id);
        }

        ids[0].Should().BePositive();
        ids.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var reopened = Reopen(store);
        var next = (await reopened.SignalRuns.StartRunAsync(Run("a"))).Id;
        next.Should().BeGreaterThan(ids[^1]);
        (await reopened.SignalRuns.StartRunAsync(Run("d"))).Id.Should().BeGreaterThan(next);
    }

    /// <summary>A run's id comes from the store: the id the caller passes is ignored.</summary>
    [Fact]
    public virtual async Task The_store_assigns_the_run_id()
    {
        var store = NewStore();
        var first = await store.SignalRuns.StartRunAsync(Run("job-changes"));

        var second = await store.SignalRuns.StartRunAsync(Run("job-changes") with { Id = first.Id });

        second.Id.Should().BeGreaterThan(first.Id);
        (await store.SignalRuns.GetRunAsync(first.Id)).Should().BeEquivalentTo(first);
    }

    /// <summary>
    /// Only a running run finishes: finishing it again changes nothing, and what identifies it (signal, trigger, start)
    /// stays as started whatever the finishing call says.
    /// </summary>
    [Fact]
    public virtual async Task Only_a_running_run_finishes_and_keeps_what_identifies_it()
    {
        var store = NewStore();
        var started = await store.SignalRuns.StartRunAsync(Run("job-changes"));
        var completed = started with { Status = SignalRunStatus.Completed, FinishedAt = started.StartedAt.AddMinutes(1), Checked = 10 };

        await store.SignalRuns.FinishRunAsync(completed with
        {
            Signal = "other",
            Trigger = SignalTrigger.Schedule,
            StartedAt = started.StartedAt.AddDays(-1),
        });
        await store.SignalRuns.FinishRunAsync(completed with { Status = SignalRunStatus.Failed, Failure = "late", Checked = 99 });
        await store.SignalRuns.FinishRunAsync(completed with { Status = SignalRunStatus.Running, FinishedAt = null });

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalRuns.GetRunAsync(started.Id)).Should().BeEquivalentTo(completed);
            (await workspace.SignalRuns.ListRunsAsync("other", 10)).Should().BeEmpty();
        }
    }

    /// <summary>Finishing a run that was never started throws <see cref="KeyNotFoundException"/> and changes no run.</summary>
    [Fact]
    public virtual async Task Finishing_an_unknown_run_throws()
    {
        var store = NewStore();
        var started = await store.SignalRuns.StartRunAsync(Run("job-changes"));

        await FluentActions.Awaiting(async () => await store.SignalRuns.FinishRunAsync(started with { Id = started.Id + 100, Status = SignalRunStatus.Completed }))
            .Should().ThrowAsync<KeyNotFoundException>();
        (await store.SignalRuns.ListRunsAsync("job-changes", 10)).Should().BeEquivalentTo([started]);
        (await store.SignalRuns.GetRunAsync(started.Id + 100)).Should().BeNull();
    }

    /// <summary>A signal's runs are listed newest first, up to the limit, by its name in any case; other signals' runs are not.</summary>
    [Fact]
    public virtual async Task Runs_are_listed_newest_first_up_to_the_limit()
    {
        var store = NewStore();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.SignalRuns.StartRunAsync(Run(i % 2 == 0 ? "Job-Changes" : "job-changes"))).Id);
            await store.SignalRuns.StartRunAsync(Run("funding"));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalRuns.ListRunsAsync("JOB-CHANGES", 3)).Select(r => r.Id).Should().Equal(ids[4], ids[3], ids[2]);
            (await workspace.SignalRuns.ListRunsAsync("job-changes", 1)).Select(r => r.Id).Should().Equal(ids[4]);
            (await workspace.SignalRuns.ListRunsAsync("job-changes", 10)).Select(r => r.Id).Should().Equal(ids[4], ids[3], ids[2], ids[1], ids[0]);
            (await workspace.SignalRuns.ListRunsAsync("job-changes", 10)).Select(r => r.Signal).Should().Equal("Job-Changes", "job-changes", "Job-Changes", "job-changes", "Job-Changes");
            (await workspace.SignalRuns.ListRunsAsync("missing", 10)).Should().BeEmpty();
        }
    }

    /// <summary>Runs and checks are kept by the signal's name: removing or replacing its definition leaves them.</summary>
    [Fact]
    public virtual async Task Runs_and_checks_outlive_their_definition()
    {
        var store = NewStore();
        var definition = new SignalDefinition("job-changes", EntityKind.Person, SignalType.JobChange, "sample-job-change", [1]);
        await store.SignalDefinitions.SaveAsync(definition);
        var run = await store.SignalRuns.StartRunAsync(Run("job-changes"));
        await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(1)], run.StartedAt);

        await store.SignalDefinitions.SaveAsync(definition with { Provider = "other" });
        await store.SignalDefinitions.RemoveAsync("job-changes");

        var workspace = Reopen(store);
        (await workspace.SignalRuns.ListRunsAsync("job-changes", 10)).Should().BeEquivalentTo([run]);
        (await workspace.SignalRuns.FindChecksAsync("job-changes", [new ProfileId(1)])).Should().Equal(
            new Dictionary<ProfileId, DateTimeOffset> { [new ProfileId(1)] = run.StartedAt });
    }

    /// <summary>Checks read back for the profiles asked about that were checked; profiles never checked are left out.</summary>
    [Fact]
    public virtual async Task Checks_read_back_and_leave_out_profiles_never_checked()
    {
        var store = NewStore();
        var until = Clock.GetUtcNow();
        await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(1), new ProfileId(2), new ProfileId(1_000_000_000_007)], until);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalRuns.FindChecksAsync("job-changes", [new ProfileId(1), new ProfileId(3), new ProfileId(1_000_000_000_007)]))
                .Should().Equal(new Dictionary<ProfileId, DateTimeOffset>
                {
                    [new ProfileId(1)] = until,
                    [new ProfileId(1_000_000_000_007)] = until,
                });
            (await workspace.SignalRuns.FindChecksAsync("job-changes", [new ProfileId(3)])).Should().BeEmpty();
            (await workspace.SignalRuns.FindChecksAsync("job-changes", [])).Should().BeEmpty();
            (await workspace.SignalRuns.FindChecksAsync("missing", [new ProfileId(1)])).Should().BeEmpty();
        }
    }

    /// <summary>Recording a check again replaces what was recorded for those profiles, later or earlier; the others keep theirs.</summary>
    [Fact]
    public virtual async Task Recording_checks_again_replaces_them()
    {
        var store = NewStore();
        var first = Clock.GetUtcNow();
        var later = first.AddDays(1);
        var earlier = first.AddDays(-1);
        await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(1), new ProfileId(2), new ProfileId(3)], first);

        await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(1), new ProfileId(4)], later);
        await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(2)], earlier);
        await store.SignalRuns.RecordChecksAsync("job-changes", [], later.AddDays(1));

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalRuns.FindChecksAsync("job-changes", [new ProfileId(1), new ProfileId(2), new ProfileId(3), new ProfileId(4)]))
                .Should().Equal(new Dictionary<ProfileId, DateTimeOffset>
                {
                    [new ProfileId(1)] = later,
                    [new ProfileId(2)] = earlier,
                    [new ProfileId(3)] = first,
                    [new ProfileId(4)] = later,
                });
        }
    }

    /// <summary>Each signal has its own checks: recording one signal's leaves another's, for the same profiles, as they were.</summary>
    [Fact]
    public virtual async Task Checks_are_kept_per_signal()
    {
        var store = NewStore();
        var first = Clock.GetUtcNow();
        var later = first.AddHours(1);
        await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(1), new ProfileId(2)], first);
        await store.SignalRuns.RecordChecksAsync("funding", [new ProfileId(2)], later);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalRuns.FindChecksAsync("job-changes", [new ProfileId(1), new ProfileId(2)])).Should().Equal(
                new Dictionary<ProfileId, DateTimeOffset> { [new ProfileId(1)] = first, [new ProfileId(2)] = first });
            (await workspace.SignalRuns.FindChecksAsync("funding", [new ProfileId(1), new ProfileId(2)])).Should().Equal(
                new Dictionary<ProfileId, DateTimeOffset> { [new ProfileId(2)] = later });
        }
    }

    /// <summary>A signal's checks are found and replaced by its name in any case.</summary>
    [Fact]
    public virtual async Task Checks_find_the_signal_by_its_name_in_any_case()
    {
        var store = NewStore();
        var first = Clock.GetUtcNow();
        var later = first.AddHours(1);
        await store.SignalRuns.RecordChecksAsync("Job-Changes", [new ProfileId(1), new ProfileId(2)], first);
        await store.SignalRuns.RecordChecksAsync("JOB-CHANGES", [new ProfileId(2)], later);
        await store.SignalRuns.RecordChecksAsync("Équipe", [new ProfileId(1)], first);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalRuns.FindChecksAsync("job-changes", [new ProfileId(1), new ProfileId(2)])).Should().Equal(
                new Dictionary<ProfileId, DateTimeOffset> { [new ProfileId(1)] = first, [new ProfileId(2)] = later });
            (await workspace.SignalRuns.FindChecksAsync("équipe", [new ProfileId(1)])).Should().ContainKey(new ProfileId(1));
        }
    }

    /// <summary>A check's time reads back to the tick, as the same instant whatever offset it was recorded with.</summary>
    [Fact]
    public virtual async Task Check_times_read_back_to_the_tick()
    {
        var store = NewStore();
        var until = new DateTimeOffset(2026, 1, 15, 4, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1_234_567);
        await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(1)], until);
        await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(2)], DateTimeOffset.MinValue);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var checks = await workspace.SignalRuns.FindChecksAsync("job-changes", [new ProfileId(1), new ProfileId(2)]);
            checks[new ProfileId(1)].UtcTicks.Should().Be(until.UtcTicks);
            checks[new ProfileId(1)].Should().Be(until);
            checks[new ProfileId(2)].Should().Be(DateTimeOffset.MinValue);
        }
    }

    /// <summary>Many profiles are checked and found at once.</summary>
    [Fact]
    public virtual async Task Many_profiles_are_checked_at_once()
    {
        var store = NewStore();
        var until = Clock.GetUtcNow();
        var profiles = Enumerable.Range(1, 5_000).Select(i => new ProfileId(i)).ToArray();

        await store.SignalRuns.RecordChecksAsync("job-changes", profiles, until);

        var asked = Enumerable.Range(2_501, 5_000).Select(i => new ProfileId(i)).ToArray();
        var checks = await Reopen(store).SignalRuns.FindChecksAsync("job-changes", asked);
        checks.Keys.Should().BeEquivalentTo(Enumerable.Range(2_501, 2_500).Select(i => new ProfileId(i)));
        checks.Values.Should().AllBeEquivalentTo(until);
    }

    /// <summary>A null run, name or profile list, a run without a signal name, and a limit below 1 are refused.</summary>
    [Fact]
    public virtual async Task Invalid_arguments_are_refused()
    {
        var store = NewStore();

        await FluentActions.Awaiting(async () => await store.SignalRuns.StartRunAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.SignalRuns.StartRunAsync(Run(" "))).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.SignalRuns.FinishRunAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.SignalRuns.ListRunsAsync(null!, 10)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.SignalRuns.ListRunsAsync("job-changes", 0)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(async () => await store.SignalRuns.ListRunsAsync("job-changes", -1)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(async () => await store.SignalRuns.FindChecksAsync(null!, [])).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.SignalRuns.FindChecksAsync("job-changes", null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.SignalRuns.RecordChecksAsync(null!, [], Clock.GetUtcNow())).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.SignalRuns.RecordChecksAsync("job-changes", null!, Clock.GetUtcNow())).Should().ThrowAsync<ArgumentNullException>();
        (await store.SignalRuns.ListRunsAsync(" ", 10)).Should().BeEmpty();
    }

    /// <summary>A run of <paramref name="signal"/> started by hand now, not yet stored.</summary>
    protected SignalRun Run(string signal) => new(0, signal, SignalTrigger.Manual, Clock.GetUtcNow());
}
