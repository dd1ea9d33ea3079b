using Audiences.Sdk.Credits;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// Reservations of <see cref="ICreditLedger"/>: granted while spent + live reservations + the new one stay within the cap,
/// with ids never handed out again; settled once (the spend recorded, the rest freed), released, or left to expire, after
/// which they neither count nor can be settled. Every argument the contract refuses is refused.
/// </summary>
public abstract partial class CreditLedgerSpecification
{
    /// <summary>A reservation within the cap is granted with what was asked, counts until it ends, and keeps others within the cap.</summary>
    [Fact]
    public virtual async Task A_reservation_within_the_cap_is_granted_and_counts()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        await store.Credits.SetCapAsync(Budget, 10);

        var first = await store.Credits.TryReserveAsync(Budget, 6, now, now.AddMinutes(5), "run 1");
        var refused = await store.Credits.TryReserveAsync(Budget, 4.01m, now, now.AddMinutes(5), "run 2");
        var second = await store.Credits.TryReserveAsync(Budget, 4, now, now.AddMinutes(5), null);

        first.Should().Be(new CreditReservation(first!.Id, Budget, 6, now.AddMinutes(5), "run 1"));
        first.Id.Should().BePositive();
        refused.Should().BeNull();
        second.Should().NotBeNull();
        second!.Id.Should().BeGreaterThan(first.Id);
        var budget = await store.Credits.GetBudgetAsync(Budget, now);
        budget.Should().Be(new CreditBudget(Budget, 10, 0, 10));
        budget.Available.Should().Be(0);
        (await store.Credits.GetBudgetAsync("other", now)).Reserved.Should().Be(0);
    }

    /// <summary>A budget without a cap grants every reservation.</summary>
    [Fact]
    public virtual async Task A_budget_without_a_cap_grants_every_reservation()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();

        var reservations = new List<CreditReservation?>();
        for (var i = 0; i < 3; i++)
        {
            reservations.Add(await store.Credits.TryReserveAsync(Budget, 1_000_000_000m, now, now.AddMinutes(5), null));
        }

        reservations.Should().NotContainNulls();
        (await store.Credits.GetBudgetAsync(Budget, now)).Should().Be(new CreditBudget(Budget, null, 0, 3_000_000_000m));
    }

    /// <summary>Settling records the spend with the settle time and the reservation's reference, ends the reservation and frees the rest; it survives a restart.</summary>
    [Fact]
    public virtual async Task Settling_records_the_spend_and_frees_the_rest()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        await store.Credits.SetCapAsync(Budget, 10);
        var reservation = await store.Credits.TryReserveAsync(Budget, 6, now, now.AddMinutes(5), "enrichment 'emails' run 12");

        await store.Credits.SettleAsync(reservation!, 2.5m, now.AddMinutes(1));

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var budget = await workspace.Credits.GetBudgetAsync(Budget, now.AddMinutes(1));
            budget.Should().Be(new CreditBudget(Budget, 10, 2.5m, 0));
            budget.Available.Should().Be(7.5m);
            (await workspace.Credits.ListSpendAsync(Budget)).Should().Equal(new CreditSpend(Budget, 2.5m, now.AddMinutes(1), "enrichment 'emails' run 12"));
        }

        (await store.Credits.TryReserveAsync(Budget, 7.5m, now, now.AddMinutes(5), null)).Should().NotBeNull();
    }

    /// <summary>Settling with a spend of 0 ends the reservation, frees all of it, and records no spend entry.</summary>
    [Fact]
    public virtual async Task Settling_nothing_ends_the_reservation_without_an_entry()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        var reservation = await store.Credits.TryReserveAsync(Budget, 6, now, now.AddMinutes(5), null);

        await store.Credits.SettleAsync(reservation!, 0, now);

        (await store.Credits.GetBudgetAsync(Budget, now)).Should().Be(new CreditBudget(Budget, null, 0, 0));
        (await store.Credits.ListSpendAsync(Budget)).Should().BeEmpty();
        await FluentActions.Awaiting(async () => await store.Credits.SettleAsync(reservation!, 0, now)).Should().ThrowAsync<InvalidOperationException>();
    }

    /// <summary>A reservation settles once: a second settle throws <see cref="InvalidOperationException"/> and the spend is counted once.</summary>
    [Fact]
    public virtual async Task A_reservation_settles_once()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        var reservation = await store.Credits.TryReserveAsync(Budget, 6, now, now.AddMinutes(5), null);
        await store.Credits.SettleAsync(reservation!, 6, now);

        await FluentActions.Awaiting(async () => await store.Credits.SettleAsync(reservation!, 6, now))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*expired*or was settled or released*");

        (await store.Credits.GetBudgetAsync(Budget, now)).Spent.Should().Be(6);
        (await store.Credits.ListSpendAsync(Budget)).Should().ContainSingle();
    }

    /// <summary>Releasing frees the credits without spending; releasing again changes nothing, and a released reservation cannot be settled.</summary>
    [Fact]
    public virtual async Task Releasing_frees_the_credits_once()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        await store.Credits.SetCapAsync(Budget, 10);
        var released = await store.Credits.TryReserveAsync(Budget, 6, now, now.AddMinutes(5), null);
        var kept = await store.Credits.TryReserveAsync(Budget, 3, now, now.AddMinutes(5), null);

        await store.Credits.ReleaseAsync(released!);
        await store.Credits.ReleaseAsync(released!);

        (await store.Credits.GetBudgetAsync(Budget, now)).Should().Be(new CreditBudget(Budget, 10, 0, 3));
        await FluentActions.Awaiting(async () => await store.Credits.SettleAsync(released!, 1, now)).Should().ThrowAsync<InvalidOperationException>();
        (await store.Credits.ListSpendAsync(Budget)).Should().BeEmpty();
        kept.Should().NotBeNull();
    }

    /// <summary>A reservation counts until its expiry and not from it on: <see cref="ICreditLedger.GetBudgetAsync"/> reads it at the time given.</summary>
    [Fact]
    public virtual async Task A_reservation_stops_counting_at_its_expiry()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        await store.Credits.TryReserveAsync(Budget, 6, now, now.AddMinutes(5), null);

        (await store.Credits.GetBudgetAsync(Budget, now.AddMinutes(5).AddTicks(-1))).Reserved.Should().Be(6);
        (await store.Credits.GetBudgetAsync(Budget, now.AddMinutes(5))).Reserved.Should().Be(0);
    }

    /// <summary>
    /// A reservation a crash left behind (never settled nor released) expires: its credits become reservable again, also
    /// after a restart, and settling it afterwards throws <see cref="InvalidOperationException"/> that says it expired and
    /// that provider calls must be bounded shorter than the hold; it is never spent.
    /// </summary>
    [Fact]
    public virtual async Task A_reservation_left_by_a_crash_expires_and_is_never_spent_twice()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        await store.Credits.SetCapAsync(Budget, 10);
        var crashed = await store.Credits.TryReserveAsync(Budget, 10, now, now.AddMinutes(5), "run 1");
        (await store.Credits.TryReserveAsync(Budget, 1, now.AddMinutes(4), now.AddMinutes(9), "run 2")).Should().BeNull("the crashed run's hold is still live");

        Clock.Advance(TimeSpan.FromMinutes(5));
        var restarted = Reopen(store);
        var later = Clock.GetUtcNow();

        (await restarted.Credits.GetBudgetAsync(Budget, later)).Should().Be(new CreditBudget(Budget, 10, 0, 0));
        await FluentActions.Awaiting(async () => await store.Credits.SettleAsync(crashed!, 10, later))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*expired*timeout shorter than the hold*");
        var again = await restarted.Credits.TryReserveAsync(Budget, 10, later, later.AddMinutes(5), "run 2");
        again.Should().NotBeNull();
        again!.Id.Should().BeGreaterThan(crashed!.Id);
        await restarted.Credits.SettleAsync(again, 10, later);
        await FluentActions.Awaiting(async () => await restarted.Credits.SettleAsync(crashed, 10, later)).Should().ThrowAsync<InvalidOperationException>();

        (await store.Credits.GetBudgetAsync(Budget, later)).Should().Be(new CreditBudget(Budget, 10, 10, 0));
        (await store.Credits.ListSpendAsync(Budget)).Should().Equal(new CreditSpend(Budget, 10, later, "run 2"));
    }

    /// <summary>Ids are never handed out again: after a release, a settle and an expiry, also after a restart, each new reservation's id is larger.</summary>
    [Fact]
    public virtual async Task Reservation_ids_are_never_handed_out_again()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        var ids = new List<long>();
        var released = await store.Credits.TryReserveAsync(Budget, 1, now, now.AddMinutes(1), null);
        await store.Credits.ReleaseAsync(released!);
        var settled = await store.Credits.TryReserveAsync(Budget, 1, now, now.AddMinutes(1), null);
        await store.Credits.SettleAsync(settled!, 1, now);
        var expired = await store.Credits.TryReserveAsync(Budget, 1, now, now.AddMinutes(1), null);
        var next = await Reopen(store).Credits.TryReserveAsync(Budget, 1, now.AddMinutes(2), now.AddMinutes(3), null);
        ids.AddRange([released!.Id, settled!.Id, expired!.Id, next!.Id]);

        ids.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        ids[0].Should().BePositive();
    }

    /// <summary>
    /// Reservations ask for positive credits (<see cref="ArgumentOutOfRangeException"/>) expiring after now
    /// (<see cref="ArgumentException"/>); a refused call reserves nothing.
    /// </summary>
    [Fact]
    public virtual async Task Reservation_arguments_are_checked()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();

        foreach (var credits in new[] { 0m, -1m })
        {
            await FluentActions.Awaiting(async () => await store.Credits.TryReserveAsync(Budget, credits, now, now.AddMinutes(5), null))
                .Should().ThrowAsync<ArgumentOutOfRangeException>();
        }

        foreach (var expiresAt in new[] { now, now.AddTicks(-1) })
        {
            await FluentActions.Awaiting(async () => await store.Credits.TryReserveAsync(Budget, 1, now, expiresAt, null))
                .Should().ThrowExactlyAsync<ArgumentException>().WithParameterName("expiresAt");
        }

        (await store.Credits.GetBudgetAsync(Budget, now)).Reserved.Should().Be(0);
    }

    /// <summary>A settle spends from 0 up to what was reserved: a negative spend or more than reserved throws <see cref="ArgumentOutOfRangeException"/> and leaves the reservation live.</summary>
    [Fact]
    public virtual async Task Settle_amounts_are_checked()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        var reservation = await store.Credits.TryReserveAsync(Budget, 6, now, now.AddMinutes(5), null);

        foreach (var spent in new[] { -0.01m, 6.01m })
        {
            await FluentActions.Awaiting(async () => await store.Credits.SettleAsync(reservation!, spent, now))
                .Should().ThrowAsync<ArgumentOutOfRangeException>();
        }

        await FluentActions.Awaiting(async () => await store.Credits.SettleAsync(reservation! with { Credits = 100 }, 50, now))
            .Should().ThrowAsync<ArgumentOutOfRangeException>("the store holds 6 credits for it, whatever the caller's copy says");
        (await store.Credits.GetBudgetAsync(Budget, now)).Should().Be(new CreditBudget(Budget, null, 0, 6));
        await store.Credits.SettleAsync(reservation!, 6, now);
        (await store.Credits.GetBudgetAsync(Budget, now)).Spent.Should().Be(6);
    }

    /// <summary>Spend entries are read newest first, up to the limit, of the one budget; a limit below 1 throws <see cref="ArgumentOutOfRangeException"/>.</summary>
    [Fact]
    public virtual async Task Spend_is_listed_newest_first_up_to_the_limit()
    {
        var store = NewStore();
        for (var i = 1; i <= 3; i++)
        {
            var now = Clock.GetUtcNow();
            var reservation = await store.Credits.TryReserveAsync(Budget, i, now, now.AddMinutes(5), $"run {i}");
            await store.Credits.SettleAsync(reservation!, i, now);
            var other = await store.Credits.TryReserveAsync("phones", 9, now, now.AddMinutes(5), null);
            await store.Credits.SettleAsync(other!, 9, now);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.Credits.ListSpendAsync(Budget, 2)).Select(s => s.Reference).Should().Equal("run 3", "run 2");
            (await workspace.Credits.ListSpendAsync(Budget)).Select(s => s.Credits).Should().Equal(3, 2, 1);
        }

        foreach (var limit in new[] { 0, -1 })
        {
            await FluentActions.Awaiting(async () => await store.Credits.ListSpendAsync(Budget, limit)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        }
    }
}
