using Audiences.Sdk.Credits;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="ICreditLedger"/> contract, budgets and amounts: a budget never used has no cap and nothing spent; a cap
/// is kept (also after a restart) until set again, is never negative, and one below the spend refuses reservations
/// without undoing anything; budget names compare ordinally and exactly; amounts come back exactly. Reservations, settles
/// and races: see the other parts of the suite.
/// </summary>
public abstract partial class CreditLedgerSpecification : StoreSpecification
{
    /// <summary>The budget the tests spend from.</summary>
    private const string Budget = "emails";

    /// <summary>A budget never used reads as no cap, nothing spent, nothing reserved, and has no spend entries.</summary>
    [Fact]
    public virtual async Task An_unknown_budget_has_no_cap_and_nothing_spent()
    {
        var store = NewStore();

        var budget = await store.Credits.GetBudgetAsync(Budget, Clock.GetUtcNow());

        budget.Should().Be(new CreditBudget(Budget, null, 0, 0));
        budget.Available.Should().BeNull();
        (await store.Credits.ListSpendAsync(Budget)).Should().BeEmpty();
    }

    /// <summary>A cap is kept, also after a restart, until set again; null removes it.</summary>
    [Fact]
    public virtual async Task A_cap_is_kept_until_set_again()
    {
        var store = NewStore();
        await store.Credits.SetCapAsync(Budget, 100);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.Credits.GetBudgetAsync(Budget, Clock.GetUtcNow())).Should().Be(new CreditBudget(Budget, 100, 0, 0));
        }

        await store.Credits.SetCapAsync(Budget, 0);
        (await Reopen(store).Credits.GetBudgetAsync(Budget, Clock.GetUtcNow())).Cap.Should().Be(0);

        await store.Credits.SetCapAsync(Budget, null);
        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.Credits.GetBudgetAsync(Budget, Clock.GetUtcNow())).Should().Be(new CreditBudget(Budget, null, 0, 0));
        }
    }

    /// <summary>A negative cap is refused with <see cref="ArgumentOutOfRangeException"/>, and the cap stays as it was.</summary>
    [Fact]
    public virtual async Task A_negative_cap_is_refused()
    {
        var store = NewStore();
        await store.Credits.SetCapAsync(Budget, 10);

        await FluentActions.Awaiting(async () => await store.Credits.SetCapAsync(Budget, -0.01m)).Should().ThrowAsync<ArgumentOutOfRangeException>();

        (await store.Credits.GetBudgetAsync(Budget, Clock.GetUtcNow())).Cap.Should().Be(10);
    }

    /// <summary>Budget names compare ordinally and exactly: names differing in case or by a space are other budgets.</summary>
    [Fact]
    public virtual async Task Budget_names_compare_ordinally_and_exactly()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        await store.Credits.SetCapAsync(Budget, 1);
        var held = await store.Credits.TryReserveAsync(Budget, 1, now, now.AddMinutes(5), null);

        foreach (var other in new[] { "Emails", "EMAILS", "emails ", "émails" })
        {
            (await store.Credits.GetBudgetAsync(other, now)).Should().Be(new CreditBudget(other, null, 0, 0));
            (await store.Credits.TryReserveAsync(other, 5, now, now.AddMinutes(5), null)).Should().NotBeNull("'{0}' is a budget of its own, without a cap", other);
        }

        await store.Credits.SettleAsync(held!, 1, now);
        (await store.Credits.ListSpendAsync("Emails")).Should().BeEmpty();
        (await store.Credits.GetBudgetAsync(Budget, now)).Should().Be(new CreditBudget(Budget, 1, 1, 0));
    }

    /// <summary>
    /// Amounts come back exactly, also after a restart, however small or large: 0.001 and 1,234,567.89 fill a cap of
    /// 1,234,567.891 to the last thousandth, and 0.1 + 0.2 is 0.3.
    /// </summary>
    [Fact]
    public virtual async Task Amounts_are_kept_exactly()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        await store.Credits.SetCapAsync(Budget, 1_234_567.891m);
        var small = await store.Credits.TryReserveAsync(Budget, 0.001m, now, now.AddMinutes(5), "small");
        var large = await store.Credits.TryReserveAsync(Budget, 1_234_567.89m, now, now.AddMinutes(5), "large");
        (await store.Credits.TryReserveAsync(Budget, 0.000_000_1m, now, now.AddMinutes(5), null)).Should().BeNull("the cap is reached exactly");

        await store.Credits.SettleAsync(small!, 0.001m, now);
        await store.Credits.SettleAsync(large!, 1_234_567.89m, now);
        await store.Credits.SetCapAsync("tenths", 0.3m);
        var tenth = await store.Credits.TryReserveAsync("tenths", 0.1m, now, now.AddMinutes(5), null);
        var fifth = await store.Credits.TryReserveAsync("tenths", 0.2m, now, now.AddMinutes(5), null);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var budget = await workspace.Credits.GetBudgetAsync(Budget, now);
            budget.Should().Be(new CreditBudget(Budget, 1_234_567.891m, 1_234_567.891m, 0));
            budget.Available.Should().Be(0);
            (await workspace.Credits.ListSpendAsync(Budget)).Select(s => s.Credits).Should().Equal(1_234_567.89m, 0.001m);
            (await workspace.Credits.GetBudgetAsync("tenths", now)).Should().Be(new CreditBudget("tenths", 0.3m, 0, 0.3m));
        }

        tenth.Should().NotBeNull();
        fifth.Should().NotBeNull();
    }

    /// <summary>A cap set below what is spent refuses further reservations; nothing spent is undone, and nothing is available.</summary>
    [Fact]
    public virtual async Task A_cap_below_the_spend_refuses_reservations_and_undoes_nothing()
    {
        var store = NewStore();
        var now = Clock.GetUtcNow();
        var reservation = await store.Credits.TryReserveAsync(Budget, 8, now, now.AddMinutes(5), null);
        await store.Credits.SettleAsync(reservation!, 8, now);

        await store.Credits.SetCapAsync(Budget, 5);

        (await store.Credits.TryReserveAsync(Budget, 0.01m, now, now.AddMinutes(5), null)).Should().BeNull();
        var budget = await store.Credits.GetBudgetAsync(Budget, now);
        budget.Should().Be(new CreditBudget(Budget, 5, 8, 0));
        budget.Available.Should().Be(0);
    }
}
