using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="ISignalDefinitionStore"/> contract: a definition is kept whole under its name, found and replaced
/// by that name whatever its case, listed by name, removed on request, kept across a restart, and refused when it
/// could not be read back.
/// </summary>
public abstract class SignalDefinitionStoreSpecification : StoreSpecification
{
    /// <summary>
    /// Every part of a definition — kind, type, provider, audiences, companions, look-back, recurrence, budget — reads
    /// back as saved, by its name in any case, also after a restart.
    /// </summary>
    [Fact]
    public virtual async Task A_saved_definition_reads_back_whole_by_name_in_any_case()
    {
        var store = NewStore();
        var changes = JobChanges();
        var funding = Funding();
        await store.SignalDefinitions.SaveAsync(changes);
        await store.SignalDefinitions.SaveAsync(funding);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalDefinitions.GetAsync("job-changes")).Should().BeEquivalentTo(changes);
            (await workspace.SignalDefinitions.GetAsync("JOB-Changes")).Should().BeEquivalentTo(changes);
            (await workspace.SignalDefinitions.GetAsync("funding")).Should().BeEquivalentTo(funding);
            var read = (await workspace.SignalDefinitions.GetAsync("job-changes"))!;
            read.Companions.Should().Equal(changes.Companions);
            read.Audiences.Should().Equal(changes.Audiences);
            read.LookBack.Should().Be(SignalLookBack.TwelveMonths);
            read.Every.Should().Be(changes.Every);
            read.Budget.Should().Be("sales-signals");
        }
    }

    /// <summary>The defaults read back as themselves: three months back, only by hand, its own budget, no companions.</summary>
    [Fact]
    public virtual async Task The_defaults_read_back()
    {
        var store = NewStore();
        await store.SignalDefinitions.SaveAsync(Funding());

        var read = (await Reopen(store).SignalDefinitions.GetAsync("FUNDING"))!;
        read.LookBack.Should().Be(SignalLookBack.ThreeMonths);
        read.Every.Should().BeNull();
        read.Budget.Should().BeNull();
        read.EffectiveBudget.Should().Be("signal:funding");
        read.Companions.Should().BeEmpty();
    }

    /// <summary>A name that was never saved reads as null, and a new store lists no definitions.</summary>
    [Fact]
    public virtual async Task An_unknown_name_reads_as_null()
    {
        var store = NewStore();

        (await store.SignalDefinitions.GetAsync("missing")).Should().BeNull();
        (await store.SignalDefinitions.ListAsync()).Should().BeEmpty();
    }

    /// <summary>Saving a name again, in any case, replaces the definition: one definition remains, the last one saved, under its own spelling.</summary>
    [Fact]
    public virtual async Task Saving_a_name_again_in_any_case_replaces_the_definition()
    {
        var store = NewStore();
        await store.SignalDefinitions.SaveAsync(JobChanges());
        var renamed = JobChanges() with
        {
            Name = "Job-Changes",
            Provider = "other",
            Audiences = [5],
            Companions = [],
            Every = null,
            Budget = null,
            LookBack = SignalLookBack.SixMonths,
        };

        await store.SignalDefinitions.SaveAsync(renamed);

        (await store.SignalDefinitions.ListAsync()).Should().BeEquivalentTo([renamed]);
        (await Reopen(store).SignalDefinitions.GetAsync("job-changes")).Should().BeEquivalentTo(renamed);
        (await Reopen(store).SignalDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("Job-Changes");
    }

    /// <summary>Every definition is listed, ordered by name whatever its case.</summary>
    [Fact]
    public virtual async Task Definitions_are_listed_by_name()
    {
        var store = NewStore();
        foreach (var name in new[] { "gamma", "Alpha", "beta" })
        {
            await store.SignalDefinitions.SaveAsync(JobChanges() with { Name = name });
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("Alpha", "beta", "gamma");
        }
    }

    /// <summary>Removing a definition, by its name in any case, says whether there was one; it is gone, and the others stay.</summary>
    [Fact]
    public virtual async Task Removing_a_definition_says_whether_there_was_one()
    {
        var store = NewStore();
        await store.SignalDefinitions.SaveAsync(JobChanges());
        await store.SignalDefinitions.SaveAsync(Funding());

        (await store.SignalDefinitions.RemoveAsync("JOB-CHANGES")).Should().BeTrue();
        (await store.SignalDefinitions.RemoveAsync("job-changes")).Should().BeFalse();
        (await store.SignalDefinitions.RemoveAsync("missing")).Should().BeFalse();

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SignalDefinitions.GetAsync("job-changes")).Should().BeNull();
            (await workspace.SignalDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("funding");
        }
    }

    /// <summary>Removing a definition leaves its runs and checks: they are kept by the signal's name.</summary>
    [Fact]
    public virtual async Task Removing_a_definition_leaves_its_runs_and_checks()
    {
        var store = NewStore();
        await store.SignalDefinitions.SaveAsync(JobChanges());
        var run = await store.SignalRuns.StartRunAsync(new SignalRun(0, "job-changes", SignalTrigger.Manual, Clock.GetUtcNow()));
        await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(1)], run.StartedAt);

        (await store.SignalDefinitions.RemoveAsync("job-changes")).Should().BeTrue();

        var workspace = Reopen(store);
        (await workspace.SignalRuns.ListRunsAsync("job-changes", 10)).Should().BeEquivalentTo([run]);
        (await workspace.SignalRuns.FindChecksAsync("job-changes", [new ProfileId(1)])).Should().ContainKey(new ProfileId(1));
    }

    /// <summary>
    /// A definition whose JSON would not read back — no name, no provider, no audience, a look-back other than 3, 6 or
    /// 12 months — is refused with <see cref="ArgumentException"/>, and nothing is stored: a store never keeps a
    /// definition it could not return.
    /// </summary>
    [Fact]
    public virtual async Task A_definition_that_would_not_read_back_is_refused()
    {
        var store = NewStore();
        var unreadable = new[]
        {
            JobChanges() with { Name = "" },
            JobChanges() with { Provider = "" },
            JobChanges() with { Audiences = [] },
            JobChanges() with { LookBack = (SignalLookBack)5 },
        };

        foreach (var definition in unreadable)
        {
            await FluentActions.Awaiting(async () => await store.SignalDefinitions.SaveAsync(definition))
                .Should().ThrowAsync<ArgumentException>().WithMessage("*cannot be stored*");
        }

        (await Reopen(store).SignalDefinitions.ListAsync()).Should().BeEmpty();
    }

    /// <summary>A null definition or name is refused with <see cref="ArgumentNullException"/>.</summary>
    [Fact]
    public virtual async Task Null_arguments_are_refused()
    {
        var store = NewStore();

        await FluentActions.Awaiting(async () => await store.SignalDefinitions.SaveAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.SignalDefinitions.GetAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.SignalDefinitions.RemoveAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
    }

    /// <summary>A definition with every optional part set: several audiences with their companions, a year's look-back, a recurrence, a shared budget.</summary>
    protected static SignalDefinition JobChanges() =>
        new("job-changes", EntityKind.Person, SignalType.JobChange, "sample-job-change", [3, 1_000_000_000_007])
        {
            LookBack = SignalLookBack.TwelveMonths,
            Every = TimeSpan.FromHours(6) + TimeSpan.FromTicks(1234),
            Budget = "sales-signals",
            Companions = [new SignalCompanion(3, 40), new SignalCompanion(1_000_000_000_007, 41)],
        };

    /// <summary>A definition of companies, with the defaults elsewhere.</summary>
    protected static SignalDefinition Funding() =>
        new("funding", EntityKind.Company, SignalType.Funding, "sample-funding", [7]);
}
