using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IExportOutcomeStore"/> contract: a run's outcomes are appended and read back whole in the order
/// recorded; in the same call a failed outcome sets its record's failure and any other outcome clears it; a call with
/// a failure without a reason or a profile twice is refused whole; exports (by their name in any case) keep their own
/// outcomes and failures; failures are listed by profile id.
/// </summary>
public abstract class ExportOutcomeStoreSpecification : StoreSpecification
{
    /// <summary>Outcomes of every kind read back whole, in the order recorded over several calls, also after a restart.</summary>
    [Fact]
    public virtual async Task Outcomes_read_back_whole_in_the_order_recorded()
    {
        var store = NewStore();
        var at = Clock.GetUtcNow();
        var first = new ExportOutcome[]
        {
            new(new ProfileId(9), "i@x.io", ExportOutcomeKind.Updated),
            new(new ProfileId(2), null, ExportOutcomeKind.Skipped) { Reason = "no key" },
            new(new ProfileId(1_000_000_000_007), "crm:001", ExportOutcomeKind.Created),
            new(new ProfileId(5), "e@x.io", ExportOutcomeKind.Failed) { Reason = "rate limited", Attempt = 3, RetryAt = at.AddMinutes(30) },
        };
        var second = new ExportOutcome[]
        {
            new(new ProfileId(4), "d@x.io", ExportOutcomeKind.Removed) { Reason = "left the audience" },
            new(new ProfileId(1), "a@x.io", ExportOutcomeKind.Failed) { Reason = "invalid email", Attempt = 5 },
        };

        await store.ExportOutcomes.RecordAsync("contacts", 1, first, at);
        await store.ExportOutcomes.RecordAsync("contacts", 1, second, at.AddSeconds(1));

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var read = await workspace.ExportOutcomes.ListOutcomesAsync("contacts", 1).ToListAsync();
            read.Should().BeEquivalentTo(first.Concat(second), o => o.WithStrictOrdering());
            read[3].RetryAt!.Value.UtcTicks.Should().Be(at.AddMinutes(30).UtcTicks);
            read[5].RetryAt.Should().BeNull();
        }
    }

    /// <summary>Each run has its own outcomes; a run without any, or an export never recorded, reads back none.</summary>
    [Fact]
    public virtual async Task Outcomes_are_kept_per_run()
    {
        var store = NewStore();
        var at = Clock.GetUtcNow();
        await store.ExportOutcomes.RecordAsync("contacts", 1, [Updated(1), Updated(2)], at);
        await store.ExportOutcomes.RecordAsync("contacts", 2, [Updated(2), Updated(3)], at);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportOutcomes.ListOutcomesAsync("contacts", 1).ToListAsync()).Select(o => o.Profile.Value).Should().Equal(1, 2);
            (await workspace.ExportOutcomes.ListOutcomesAsync("contacts", 2).ToListAsync()).Select(o => o.Profile.Value).Should().Equal(2, 3);
            (await workspace.ExportOutcomes.ListOutcomesAsync("contacts", 3).ToListAsync()).Should().BeEmpty();
            (await workspace.ExportOutcomes.ListOutcomesAsync("missing", 1).ToListAsync()).Should().BeEmpty();
        }
    }

    /// <summary>
    /// A failed outcome sets its record's failure: key, reason, attempts from the outcome's attempt, the time of the
    /// call and the next try (none: given up); failures are listed by profile id.
    /// </summary>
    [Fact]
    public virtual async Task A_failed_outcome_sets_the_records_failure()
    {
        var store = NewStore();
        var at = new DateTimeOffset(2026, 1, 15, 4, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1_234_567);
        var retryAt = at.AddHours(1).AddTicks(1);

        await store.ExportOutcomes.RecordAsync("contacts", 1,
        [
            Failed(30, "quota exceeded") with { Attempt = 2, RetryAt = retryAt },
            Updated(20),
            Failed(10, "invalid email") with { Key = null, Attempt = 5 },
        ], at);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var failures = await workspace.ExportOutcomes.ListFailuresAsync("contacts");
            failures.Should().Equal(
                new ExportFailure(new ProfileId(10), null, "invalid email", 5, at, null),
                new ExportFailure(new ProfileId(30), "30@x.io", "quota exceeded", 2, at, retryAt));
            failures[0].GaveUp.Should().BeTrue();
            failures[1].GaveUp.Should().BeFalse();
            failures[1].LastAttemptAt.UtcTicks.Should().Be(at.UtcTicks);
            failures[1].RetryAt!.Value.UtcTicks.Should().Be(retryAt.UtcTicks);
        }
    }

    /// <summary>
    /// A later failed outcome replaces the record's failure; any other later outcome (created, updated, removed or
    /// skipped) clears it; records not in the call keep theirs.
    /// </summary>
    [Fact]
    public virtual async Task Later_outcomes_replace_or_clear_a_failure()
    {
        var store = NewStore();
        var at = Clock.GetUtcNow();
        await store.ExportOutcomes.RecordAsync("contacts", 1, [.. new[] { 1, 2, 3, 4, 5, 6 }.Select(p => Failed(p, "timeout"))], at);
        var later = at.AddHours(1);

        await store.ExportOutcomes.RecordAsync("contacts", 2,
        [
            Failed(1, "refused: duplicate") with { Attempt = 2, RetryAt = later.AddHours(1) },
            Updated(2),
            new(new ProfileId(3), "3@x.io", ExportOutcomeKind.Created),
            new(new ProfileId(4), "4@x.io", ExportOutcomeKind.Removed),
            new(new ProfileId(5), null, ExportOutcomeKind.Skipped) { Reason = "no key" },
        ], later);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportOutcomes.ListFailuresAsync("contacts")).Should().Equal(
                new ExportFailure(new ProfileId(1), "1@x.io", "refused: duplicate", 2, later, later.AddHours(1)),
                new ExportFailure(new ProfileId(6), "6@x.io", "timeout", 1, at, null));
        }
    }

    /// <summary>
    /// A call with a failed outcome without a reason, or with one profile twice, is refused with
    /// <see cref="ArgumentException"/> and stores nothing: neither its outcomes nor its changes to the failures.
    /// </summary>
    [Fact]
    public virtual async Task A_failure_without_a_reason_or_a_profile_twice_is_refused_and_nothing_is_stored()
    {
        var store = NewStore();
        var at = Clock.GetUtcNow();
        await store.ExportOutcomes.RecordAsync("contacts", 1, [Failed(1, "timeout")], at);
        var refused = new IReadOnlyList<ExportOutcome>[]
        {
            [Updated(1), Failed(2, "x") with { Reason = null }],
            [Updated(1), Failed(2, "x") with { Reason = "" }],
            [Updated(1), Failed(2, "timeout"), Updated(1)],
            [Failed(3, "a"), Failed(3, "b")],
        };

        foreach (var outcomes in refused)
        {
            await FluentActions.Awaiting(async () => await store.ExportOutcomes.RecordAsync("contacts", 2, outcomes, at.AddHours(1)))
                .Should().ThrowAsync<ArgumentException>();
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportOutcomes.ListOutcomesAsync("contacts", 2).ToListAsync()).Should().BeEmpty();
            (await workspace.ExportOutcomes.ListFailuresAsync("contacts")).Should().Equal(new ExportFailure(new ProfileId(1), "1@x.io", "timeout", 1, at, null));
        }
    }

    /// <summary>
    /// Exports keep their own outcomes and failures, for the same profiles and run ids; an export's are found by its
    /// name in any case.
    /// </summary>
    [Fact]
    public virtual async Task Exports_keep_their_own_outcomes_and_failures()
    {
        var store = NewStore();
        var at = Clock.GetUtcNow();
        await store.ExportOutcomes.RecordAsync("Contacts", 1, [Failed(1, "contacts refused"), Updated(2)], at);
        await store.ExportOutcomes.RecordAsync("accounts", 1, [Updated(1), Failed(2, "accounts refused")], at);
        await store.ExportOutcomes.RecordAsync("CONTACTS", 1, [Updated(3)], at);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportOutcomes.ListOutcomesAsync("contacts", 1).ToListAsync()).Select(o => (o.Profile.Value, o.Kind))
                .Should().Equal((1, ExportOutcomeKind.Failed), (2, ExportOutcomeKind.Updated), (3, ExportOutcomeKind.Updated));
            (await workspace.ExportOutcomes.ListOutcomesAsync("ACCOUNTS", 1).ToListAsync()).Select(o => (o.Profile.Value, o.Kind))
                .Should().Equal((1, ExportOutcomeKind.Updated), (2, ExportOutcomeKind.Failed));
            (await workspace.ExportOutcomes.ListFailuresAsync("contacts")).Select(f => (f.Profile.Value, f.Reason)).Should().Equal((1, "contacts refused"));
            (await workspace.ExportOutcomes.ListFailuresAsync("Accounts")).Select(f => (f.Profile.Value, f.Reason)).Should().Equal((2, "accounts refused"));
            (await workspace.ExportOutcomes.ListFailuresAsync("missing")).Should().BeEmpty();
        }
    }

    /// <summary>Keys and reasons with any characters, and long ones, read back exactly.</summary>
    [Fact]
    public virtual async Task Keys_and_reasons_with_any_text_read_back_exactly()
    {
        var store = NewStore();
        var at = Clock.GetUtcNow();
        var longReason = string.Concat(Enumerable.Repeat("The destination said: «无效» — ü; ", 2_000));
        var outcomes = new ExportOutcome[]
        {
            new(new ProfileId(1), "Ünïcødé@例え.jp", ExportOutcomeKind.Failed) { Reason = longReason },
            new(new ProfileId(2), "it's \"quoted\"\n\t%_\\", ExportOutcomeKind.Skipped) { Reason = "🙂 emoji 𝔘" },
            new(new ProfileId(3), new string('k', 10_000), ExportOutcomeKind.Updated),
        };

        await store.ExportOutcomes.RecordAsync("exports — ü", 7, outcomes, at);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportOutcomes.ListOutcomesAsync("EXPORTS — Ü", 7).ToListAsync()).Should().BeEquivalentTo(outcomes, o => o.WithStrictOrdering());
            var failure = (await workspace.ExportOutcomes.ListFailuresAsync("exports — ü")).Single();
            (failure.Key, failure.Reason).Should().Be(("Ünïcødé@例え.jp", longReason));
        }
    }

    /// <summary>Many outcomes are recorded at once and read back in order; an empty call changes nothing.</summary>
    [Fact]
    public virtual async Task Many_outcomes_are_recorded_at_once()
    {
        var store = NewStore();
        var at = Clock.GetUtcNow();
        var outcomes = Enumerable.Range(1, 5_000)
            .Select(i => i % 10 == 0 ? Failed(i, $"refused {i}") : Updated(i))
            .Reverse()
            .ToArray();

        await store.ExportOutcomes.RecordAsync("contacts", 1, outcomes, at);
        await store.ExportOutcomes.RecordAsync("contacts", 1, [], at);

        var workspace = Reopen(store);
        (await workspace.ExportOutcomes.ListOutcomesAsync("contacts", 1).ToListAsync()).Select(o => o.Profile).Should().Equal(outcomes.Select(o => o.Profile));
        (await workspace.ExportOutcomes.ListFailuresAsync("contacts")).Select(f => f.Profile.Value).Should().Equal(Enumerable.Range(1, 500).Select(i => (long)i * 10));
    }

    /// <summary>Null arguments, a blank export name and a null outcome are refused.</summary>
    [Fact]
    public virtual async Task Invalid_arguments_are_refused()
    {
        var store = NewStore();
        var at = Clock.GetUtcNow();

        await FluentActions.Awaiting(async () => await store.ExportOutcomes.RecordAsync(null!, 1, [Updated(1)], at)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportOutcomes.RecordAsync(" ", 1, [Updated(1)], at)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.ExportOutcomes.RecordAsync("contacts", 1, null!, at)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportOutcomes.RecordAsync("contacts", 1, [null!], at)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.ExportOutcomes.ListOutcomesAsync(null!, 1).ToListAsync()).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportOutcomes.ListFailuresAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        (await store.ExportOutcomes.ListFailuresAsync("contacts")).Should().BeEmpty();
    }

    /// <summary>An updated outcome of profile <paramref name="profile"/>, keyed by an email made of its id.</summary>
    protected static ExportOutcome Updated(long profile) => new(new ProfileId(profile), $"{profile}@x.io", ExportOutcomeKind.Updated);

    /// <summary>A first failed attempt of profile <paramref name="profile"/>, keyed by an email made of its id, not tried again.</summary>
    protected static ExportOutcome Failed(long profile, string reason) =>
        new(new ProfileId(profile), $"{profile}@x.io", ExportOutcomeKind.Failed) { Reason = reason };
}
