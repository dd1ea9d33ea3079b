using Audiences.Sdk.Credits;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The credit budgets of an <see cref="InMemoryStore"/>, apart from its profiles. Each call runs under the store's lock,
/// so a reservation's check against the cap and its grant are one step for every thread of the process.
/// </summary>
internal sealed class InMemoryCreditLedger(InMemoryStore store) : ICreditLedger
{
    public ValueTask<CreditBudget> GetBudgetAsync(string budget, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Read(state => new CreditBudget(
            budget, Cap(state, budget), state.CreditSpent.GetValueOrDefault(budget), Reserved(state, budget, now))));
    }

    public ValueTask SetCapAsync(string budget, decimal? cap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        if (cap is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(cap));
        }

        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            if (cap is { } value)
            {
                state.CreditCaps[budget] = value;
                return true;
            }

            return state.CreditCaps.Remove(budget);
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<CreditReservation?> TryReserveAsync(
        string budget, decimal credits, DateTimeOffset now, DateTimeOffset expiresAt, string? reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(credits);
        if (expiresAt <= now)
        {
            throw new ArgumentException($"A reservation must expire after now ({now:O}); it was to expire at {expiresAt:O}.", nameof(expiresAt));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state =>
        {
            foreach (var expired in state.CreditReservations.Values.Where(r => r.ExpiresAt <= now).Select(r => r.Id).ToList())
            {
                state.CreditReservations.Remove(expired);
            }

            if (Cap(state, budget) is { } cap && state.CreditSpent.GetValueOrDefault(budget) + Reserved(state, budget, now) + credits > cap)
            {
                return null;
            }

            var reservation = new CreditReservation(++state.LastCreditReservationId, budget, credits, expiresAt, reference);
            state.CreditReservations.Add(reservation.Id, reservation);
            return reservation;
        }));
    }

    public ValueTask SettleAsync(CreditReservation reservation, decimal spent, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentOutOfRangeException.ThrowIfNegative(spent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spent, reservation.Credits);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            var held = state.CreditReservations.GetValueOrDefault(reservation.Id);
            if (held is null || held.ExpiresAt <= now)
            {
                throw EndedReservation(reservation);
            }

            // The stored reservation is what counts: a caller's copy changed with `with` holds nothing more.
            ArgumentOutOfRangeException.ThrowIfGreaterThan(spent, held.Credits);
            state.CreditReservations.Remove(held.Id);
            if (spent > 0)
            {
                state.CreditSpent[held.Budget] = state.CreditSpent.GetValueOrDefault(held.Budget) + spent;
                state.CreditSpends.Add(new CreditSpend(held.Budget, spent, now, held.Reference));
            }

            return true;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(CreditReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state => state.CreditReservations.Remove(reservation.Id));
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CreditSpend>> ListSpendAsync(string budget, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<CreditSpend>>(store.Read(state => Enumerable.Reverse(state.CreditSpends)
            .Where(s => string.Equals(s.Budget, budget, StringComparison.Ordinal))
            .Take(limit)
            .ToArray()));
    }

    private static decimal? Cap(InMemoryState state, string budget) =>
        state.CreditCaps.TryGetValue(budget, out var cap) ? cap : null;

    private static decimal Reserved(InMemoryState state, string budget, DateTimeOffset now) =>
        state.CreditReservations.Values
            .Where(r => r.ExpiresAt > now && string.Equals(r.Budget, budget, StringComparison.Ordinal))
            .Sum(r => r.Credits);

    private static InvalidOperationException EndedReservation(CreditReservation reservation) => new(
        $"Credit reservation {reservation.Id} of budget '{reservation.Budget}' expired at {reservation.ExpiresAt:O} or was settled or released "
        + "already, so its spend is not recorded: its credits may be reserved by another run by now. Bound every provider call by a timeout "
        + "shorter than the hold it reserves for, and settle before the reservation expires.");
}
