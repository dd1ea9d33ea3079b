using Audiences.Sdk.Credits;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// Racing runs of <see cref="ICreditLedger"/>: however reservations, settles, releases and crashes interleave — in one
/// process or in two sharing a persistent store — the spend never exceeds the cap, nor does the spend with the live
/// reservations, and every settled credit is counted once.
/// </summary>
public abstract partial class CreditLedgerSpecification
{
    private const int Workers = 8;
    private const int AttemptsPerWorker = 50;

    /// <summary>
    /// Eight workers, alternating between two opened instances of the store, each make fifty attempts: reserve a random
    /// amount for a one-minute hold, then settle a random small part of it, release it, or "crash" (never end it, leaving it to
    /// expire as the clock moves on). After every step and at the end, spent ≤ cap and spent + live reservations ≤ cap;
    /// the spend is exactly what the successful settles recorded.
    /// </summary>
    [Fact]
    public virtual async Task Racing_runs_never_exceed_the_cap()
    {
        const decimal cap = 100m;
        var store = NewStore();
        var stores = new[] { store, Reopen(store) };
        await store.Credits.SetCapAsync(Budget, cap);
        using var start = new Barrier(Workers);

        // A thread of its own per worker, all let go at once: a store's calls may complete without yielding, and on a
        // pool of few threads the workers would otherwise take turns rather than race.
        var tallies = await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return RaceAsync(stores[worker % 2].Credits, worker, cap);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()));

        Clock.Advance(TimeSpan.FromMinutes(2));
        var end = await store.Credits.GetBudgetAsync(Budget, Clock.GetUtcNow());
        var spends = await store.Credits.ListSpendAsync(Budget, Workers * AttemptsPerWorker);
        end.Reserved.Should().Be(0);
        end.Spent.Should().BeLessThanOrEqualTo(cap).And.Be(tallies.Sum(t => t.Spent));
        spends.Sum(s => s.Credits).Should().Be(end.Spent);
        spends.Should().HaveCount(tallies.Sum(t => t.Entries));
        tallies.Sum(t => t.Refused).Should().BePositive("the workers ask for far more than the cap");
        tallies.Sum(t => t.Crashed).Should().BePositive();
        if (end.Available is > 0 and var left)
        {
            (await store.Credits.TryReserveAsync(Budget, left, Clock.GetUtcNow(), Clock.GetUtcNow().AddMinutes(1), null)).Should().NotBeNull();
        }
    }

    private async Task<RaceTally> RaceAsync(ICreditLedger ledger, int worker, decimal cap)
    {
        // Seeded, so a failure repeats with the same amounts and choices (the interleaving still varies).
#pragma warning disable CA5394 // Test data, not security.
        var random = new Random(worker);
        var tally = new RaceTally();
        for (var attempt = 0; attempt < AttemptsPerWorker; attempt++)
        {
            var now = Clock.GetUtcNow();
            // Holds of up to 30 credits against a cap of 100, mostly released or spent in small part, keep the budget
            // near its cap for the whole race, where a check and a grant that are not one step would over-reserve.
            var credits = random.Next(1, 3001) / 100m;
            var reservation = await ledger.TryReserveAsync(Budget, credits, now, now.AddMinutes(1), $"worker {worker} attempt {attempt}");
            var choice = random.Next(4);
            var part = Math.Round(credits * random.Next(0, 11) / 100m, 2);
            if (random.Next(3) == 0)
            {
                Clock.Advance(TimeSpan.FromSeconds(random.Next(1, 20)));
            }
#pragma warning restore CA5394

            if (reservation is null)
            {
                tally.Refused++;
            }
            else if (choice < 2)
            {
                await SettleAsync(ledger, reservation, part, tally);
            }
            else if (choice == 2)
            {
                await ledger.ReleaseAsync(reservation);
            }
            else
            {
                tally.Crashed++;
            }

            var budget = await ledger.GetBudgetAsync(Budget, Clock.GetUtcNow());
            budget.Spent.Should().BeLessThanOrEqualTo(cap);
            (budget.Spent + budget.Reserved).Should().BeLessThanOrEqualTo(cap);
        }

        return tally;
    }

    private async Task SettleAsync(ICreditLedger ledger, CreditReservation reservation, decimal spent, RaceTally tally)
    {
        try
        {
            await ledger.SettleAsync(reservation, spent, Clock.GetUtcNow());
            tally.Spent += spent;
            tally.Entries += spent > 0 ? 1 : 0;
        }
        catch (InvalidOperationException)
        {
            // Other workers moved the clock past the hold: the settle is refused and nothing is spent.
            tally.Expired++;
        }
    }

    /// <summary>What one racing worker saw.</summary>
    private sealed class RaceTally
    {
        public decimal Spent { get; set; }

        public int Entries { get; set; }

        public int Refused { get; set; }

        public int Crashed { get; set; }

        public int Expired { get; set; }
    }
}
