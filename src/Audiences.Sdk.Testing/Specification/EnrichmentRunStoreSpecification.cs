using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IEnrichmentRunStore"/> contract: a run gets an id larger than every earlier one, never handed out
/// again; only a running run finishes, keeping what identifies it; runs read back whole, credits exactly, newest
/// first by the enrichment's name in any case; they outlive their definition and go only when deleted.
/// </summary>
public abstract class EnrichmentRunStoreSpecification : StoreSpecification
{
    /// <summary>Every field of a finished run reads back as recorded, by id and in the list, credits to the last digit, also after a restart.</summary>
    [Fact]
    public virtual async Task A_finished_run_reads_back_whole()
    {
        var store = NewStore();
        var first = await store.EnrichmentRuns.StartRunAsync(Run("work-emails"));
        var second = await store.EnrichmentRuns.StartRunAsync(Run("company-sizes") with { Trigger = EnrichmentTrigger.Continuous });
        var completed = first with
        {
            Status = EnrichmentRunStatus.Completed,
            FinishedAt = first.StartedAt.AddMinutes(3),
            Processed = 1_000_000_000_000,
            Written = 2,
            Skipped = 3,
            Failed = 4,
            Gated = 5,
            Credits = 1234567.89m,
            Errors =
            [
                new EnrichmentError(new ProfileId(7), "sample-work-email", "timeout after 3 retries"),
                new EnrichmentError(new ProfileId(9), null, "no domain — ü"),
            ],
        };
        var budget = second with { Status = EnrichmentRunStatus.BudgetReached, FinishedAt = second.StartedAt.AddSeconds(1), Credits = 0.001m };

        await store.EnrichmentRuns.FinishRunAsync(completed);
        await store.EnrichmentRuns.FinishRunAsync(budget);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.EnrichmentRuns.GetRunAsync(first.Id)).Should().BeEquivalentTo(completed);
            (await workspace.EnrichmentRuns.GetRunAsync(second.Id)).Should().BeEquivalentTo(budget);
            (await workspace.EnrichmentRuns.GetRunAsync(first.Id))!.Credits.Should().Be(1234567.89m);
            (await workspace.EnrichmentRuns.GetRunAsync(second.Id))!.Credits.Should().Be(0.001m);
            (await workspace.EnrichmentRuns.ListRunsAsync("work-emails", 10)).Should().BeEquivalentTo([completed]);
        }
    }

    /// <summary>
    /// A run's warnings (in order, text exactly) and the records it held back from its capped action read back, also
    /// after a restart, finished or failed; a run with none reads back with none.
    /// </summary>
    [Fact]
    public virtual async Task A_run_keeps_its_warnings_and_held_back_records()
    {
        var store = NewStore();
        var capped = await store.EnrichmentRuns.StartRunAsync(Run("work-emails"));
        var failing = await store.EnrichmentRuns.StartRunAsync(Run("work-emails"));
        var plain = await store.EnrichmentRuns.StartRunAsync(Run("work-emails"));
        var completed = capped with
        {
            Status = EnrichmentRunStatus.Completed,
            FinishedAt = capped.StartedAt.AddMinutes(1),
            Processed = 60_000,
            Written = 60_000,
            HeldBack = 10_000,
            Errors = [new EnrichmentError(new ProfileId(3), "sample-work-email", "timeout")],
            Warnings =
            [
                "Enrichment 'work-emails': its audiences hold 60000 records, more than the 50000 rows action 'sample-sequence' takes — ü",
                "a second \"quoted\" warning",
            ],
        };
        var failed = failing with
        {
            Status = EnrichmentRunStatus.Failed,
            FinishedAt = failing.StartedAt,
            Failure = "the run was cancelled",
            Warnings = ["Enrichment 'work-emails': too many"],
        };
        var finished = plain with { Status = EnrichmentRunStatus.Completed, FinishedAt = plain.StartedAt };
        await store.EnrichmentRuns.FinishRunAsync(completed);
        await store.EnrichmentRuns.FinishRunAsync(failed);
        await store.EnrichmentRuns.FinishRunAsync(finished);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.EnrichmentRuns.GetRunAsync(capped.Id)).Should().BeEquivalentTo(completed, o => o.WithStrictOrdering());
            (await workspace.EnrichmentRuns.GetRunAsync(failing.Id)).Should().BeEquivalentTo(failed);
            (await workspace.EnrichmentRuns.GetRunAsync(plain.Id)).Should().Match<EnrichmentRun>(r => r.Warnings.Count == 0 && r.HeldBack == 0);
            (await workspace.EnrichmentRuns.ListRunsAsync("work-emails", 10))[^1].Warnings.Should().Equal(completed.Warnings);
        }
    }

    /// <summary>A started run is running, with no end and the trigger and start it was given; a failed run keeps its reason.</summary>
    [Fact]
    public virtual async Task A_started_run_reads_back_running_and_a_failed_one_with_its_reason()
    {
        var store = NewStore();
        var running = await store.EnrichmentRuns.StartRunAsync(Run("work-emails") with { Trigger = EnrichmentTrigger.Schedule });
        var failing = await store.EnrichmentRuns.StartRunAsync(Run("work-emails") with { Trigger = EnrichmentTrigger.Test });
        var failed = failing with { Status = EnrichmentRunStatus.Failed, FinishedAt = failing.StartedAt, Failure = "Provider 'x' is not registered." };
        await store.EnrichmentRuns.FinishRunAsync(failed);

        var workspace = Reopen(store);
        var read = await workspace.EnrichmentRuns.GetRunAsync(running.Id);
        read.Should().BeEquivalentTo(running);
        read!.Status.Should().Be(EnrichmentRunStatus.Running);
        read.FinishedAt.Should().BeNull();
        read.Duration.Should().BeNull();
        (await workspace.EnrichmentRuns.GetRunAsync(failing.Id)).Should().BeEquivalentTo(failed);
    }

    /// <summary>Each run gets an id larger than every earlier run's, of any enrichment; ids are not handed out again after runs are deleted.</summary>
    [Fact]
    public virtual async Task Run_ids_increase_and_are_never_handed_out_again()
    {
        var store = NewStore();
        var ids = new List<long>();
        foreach (var name in new[] { "a", "b", "a", "c" })
        {
            ids.Add((await store.EnrichmentRuns.StartRunAsync(Run(name))).Id);
        }

        await store.EnrichmentRuns.DeleteRunsAsync("c");
        await store.EnrichmentRuns.DeleteRunsAsync("a");

        ids[0].Should().BePositive();
        ids.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await Reopen(store).EnrichmentRuns.StartRunAsync(Run("a"))).Id.Should().BeGreaterThan(ids[^1]);
    }

    /// <summary>
    /// Only a running run finishes: finishing it again changes nothing, and what identifies it (enrichment, trigger,
    /// start) stays as started whatever the finishing call says.
    /// </summary>
    [Fact]
    public virtual async Task Only_a_running_run_finishes_and_keeps_what_identifies_it()
    {
        var store = NewStore();
        var started = await store.EnrichmentRuns.StartRunAsync(Run("work-emails"));
        var completed = started with { Status = EnrichmentRunStatus.Completed, FinishedAt = started.StartedAt.AddMinutes(1), Processed = 10 };

        await store.EnrichmentRuns.FinishRunAsync(completed with
        {
            Enrichment = "other",
            Trigger = EnrichmentTrigger.Test,
            StartedAt = started.StartedAt.AddDays(-1),
        });
        await store.EnrichmentRuns.FinishRunAsync(completed with { Status = EnrichmentRunStatus.Failed, Failure = "late", Processed = 99 });

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.EnrichmentRuns.GetRunAsync(started.Id)).Should().BeEquivalentTo(completed);
            (await workspace.EnrichmentRuns.ListRunsAsync("other", 10)).Should().BeEmpty();
        }
    }

    /// <summary>Finishing a run that was never started throws <see cref="KeyNotFoundException"/> and changes no run.</summary>
    [Fact]
    public virtual async Task Finishing_an_unknown_run_throws()
    {
        var store = NewStore();
        var started = await store.EnrichmentRuns.StartRunAsync(Run("work-emails"));

        await FluentActions.Awaiting(async () => await store.EnrichmentRuns.FinishRunAsync(started with { Id = started.Id + 100, Status = EnrichmentRunStatus.Completed }))
            .Should().ThrowAsync<KeyNotFoundException>();
        (await store.EnrichmentRuns.ListRunsAsync("work-emails", 10)).Should().BeEquivalentTo([started]);
        (await store.EnrichmentRuns.GetRunAsync(started.Id + 100)).Should().BeNull();
    }

    /// <summary>An enrichment's runs are listed newest first, up to the limit, by its name in any case; other enrichments' runs are not.</summary>
    [Fact]
    public virtual async Task Runs_are_listed_newest_first_up_to_the_limit()
    {
        var store = NewStore();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await store.EnrichmentRuns.StartRunAsync(Run(i % 2 == 0 ? "Work-Emails" : "work-emails"))).Id);
            await store.EnrichmentRuns.StartRunAsync(Run("company-sizes"));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.EnrichmentRuns.ListRunsAsync("WORK-EMAILS", 3)).Select(r => r.Id).Should().Equal(ids[4], ids[3], ids[2]);
            (await workspace.EnrichmentRuns.ListRunsAsync("work-emails", 10)).Select(r => r.Id).Should().Equal(ids[4], ids[3], ids[2], ids[1], ids[0]);
            (await workspace.EnrichmentRuns.ListRunsAsync("missing", 10)).Should().BeEmpty();
        }
    }

    /// <summary>Runs are kept by the enrichment's name: removing or replacing its definition leaves them.</summary>
    [Fact]
    public virtual async Task Runs_outlive_their_definition()
    {
        var store = NewStore();
        var definition = new EnrichmentDefinition("work-emails", EntityKind.Person, ["sample-work-email"], [1]);
        await store.EnrichmentDefinitions.SaveAsync(definition);
        var run = await store.EnrichmentRuns.StartRunAsync(Run("work-emails"));

        await store.EnrichmentDefinitions.SaveAsync(definition with { Providers = ["other"] });
        await store.EnrichmentDefinitions.RemoveAsync("work-emails");

        (await Reopen(store).EnrichmentRuns.ListRunsAsync("work-emails", 10)).Should().BeEquivalentTo([run]);
    }

    /// <summary>Deleting an enrichment's runs, by its name in any case, says how many there were and forgets them and their outputs; other enrichments' stay.</summary>
    [Fact]
    public virtual async Task Deleting_runs_forgets_them_and_their_outputs()
    {
        var store = NewStore();
        var gone = await store.EnrichmentRuns.StartRunAsync(Run("work-emails"));
        await store.EnrichmentRuns.StartRunAsync(Run("work-emails"));
        var kept = await store.EnrichmentRuns.StartRunAsync(Run("company-sizes"));
        await store.EnrichmentOutputs.AppendOutputsAsync(
        [
            new EnrichmentRunOutput(gone.Id, new ProfileId(1), EnrichmentOutcome.Found, "h1"),
            new EnrichmentRunOutput(kept.Id, new ProfileId(2), EnrichmentOutcome.Found, "h2"),
        ]);

        (await store.EnrichmentRuns.DeleteRunsAsync("WORK-emails")).Should().Be(2);
        (await store.EnrichmentRuns.DeleteRunsAsync("work-emails")).Should().Be(0);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.EnrichmentRuns.ListRunsAsync("work-emails", 10)).Should().BeEmpty();
            (await workspace.EnrichmentRuns.GetRunAsync(gone.Id)).Should().BeNull();
            (await workspace.EnrichmentOutputs.ListOutputsAsync(gone.Id).ToListAsync()).Should().BeEmpty();
            (await workspace.EnrichmentOutputs.FindLookupsAsync("work-emails", [new ProfileId(1)])).Should().BeEmpty();
            (await workspace.EnrichmentRuns.ListRunsAsync("company-sizes", 10)).Should().BeEquivalentTo([kept]);
            (await workspace.EnrichmentOutputs.ListOutputsAsync(kept.Id).ToListAsync()).Should().ContainSingle();
        }
    }

    /// <summary>A null run or name, a run without an enrichment name, and a limit below 1 are refused.</summary>
    [Fact]
    public virtual async Task Invalid_arguments_are_refused()
    {
        var store = NewStore();

        await FluentActions.Awaiting(async () => await store.EnrichmentRuns.StartRunAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentRuns.StartRunAsync(Run(" "))).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentRuns.FinishRunAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentRuns.ListRunsAsync(null!, 10)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentRuns.ListRunsAsync("work-emails", 0)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentRuns.DeleteRunsAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        (await store.EnrichmentRuns.ListRunsAsync(" ", 10)).Should().BeEmpty();
    }

    /// <summary>A run of <paramref name="enrichment"/> started by hand now, not yet stored.</summary>
    protected EnrichmentRun Run(string enrichment) => new(0, enrichment, EnrichmentTrigger.Manual, Clock.GetUtcNow());
}
