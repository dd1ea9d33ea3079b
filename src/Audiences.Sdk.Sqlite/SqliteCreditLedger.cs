using Audiences.Sdk.Credits;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The credit budgets of a <see cref="SqliteStore"/>, apart from its profiles. Each write is a short <c>BEGIN IMMEDIATE</c>
/// transaction of its own, so a reservation's check against the cap and its grant are one step for every process
/// sharing the file, and a settle's removal of the reservation and its spend entry are stored together.
/// </summary>
internal sealed class SqliteCreditLedger(SqliteStore store) : ICreditLedger
{
    /// <inheritdoc />
    public ValueTask<CreditBudget> GetBudgetAsync(string budget, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return ValueTask.FromResult(store.Read(scope => CreditQueries.Budget(scope.Connection, scope.Transaction, budget, now), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask SetCapAsync(string budget, decimal? cap, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        if (cap is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(cap));
        }

        store.Write((connection, transaction) =>
        {
            CreditWrites.SetCap(connection, transaction, budget, cap);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<CreditReservation?> TryReserveAsync(
        string budget, decimal credits, DateTimeOffset now, DateTimeOffset expiresAt, string? reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(credits);
        if (expiresAt <= now)
        {
            throw new ArgumentException($"A reservation must expire after now ({now:O}); it was to expire at {expiresAt:O}.", nameof(expiresAt));
        }

        return ValueTask.FromResult(store.Write(
            (connection, transaction) => CreditWrites.TryReserve(connection, transaction, budget, credits, now, expiresAt, reference), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask SettleAsync(CreditReservation reservation, decimal spent, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentOutOfRangeException.ThrowIfNegative(spent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spent, reservation.Credits);
        var settled = store.Write((connection, transaction) => CreditWrites.Settle(connection, transaction, reservation.Id, spent, now), cancellationToken);
        if (settled is null)
        {
            throw new InvalidOperationException(
                $"Credit reservation {reservation.Id} of budget '{reservation.Budget}' expired at {reservation.ExpiresAt:O} or was settled or released "
                + "already, so its spend is not recorded: its credits may be reserved by another run by now. Bound every provider call by a timeout "
                + "shorter than the hold it reserves for, and settle before the reservation expires.");
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(CreditReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        store.Write((connection, transaction) =>
        {
            CreditWrites.Release(connection, transaction, reservation.Id);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CreditSpend>> ListSpendAsync(string budget, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ValueTask.FromResult<IReadOnlyList<CreditSpend>>(store.Read(scope => CreditQueries.Spends(scope.Connection, scope.Transaction, budget, limit), cancellationToken));
    }
}
