namespace Audiences.Sdk.Credits;

/// <summary>
/// The store's credit ledger: named budgets with an optional cap, the credits spent against each, and reservations
/// taken before a provider is called. A reservation is granted only while the budget's spend, its live reservations and
/// the new one stay within the cap, atomically, so concurrent runs — in this process or another sharing the store —
/// never exceed it. A reservation a crash left behind expires and stops counting; it is never spent twice.
/// </summary>
/// <remarks>
/// Writes stand alone (each is its own transaction). A caller bounds every provider call by a timeout shorter than the
/// hold it reserved for, and settles before the reservation expires: a settle after expiry is refused, since its
/// credits may already be reserved by another run.
/// <para>
/// Budget names compare ordinally and exactly: <c>"Emails"</c> and <c>"emails"</c> are two budgets. Amounts are
/// <see cref="decimal"/> and are kept exactly as given (no rounding, also after a restart). Reservation ids are positive
/// and never handed out again. Every implementation must pass <c>CreditLedgerSpecification</c> in
/// <c>Audiences.Sdk.Testing</c>.
/// </para>
/// </remarks>
public interface ICreditLedger
{
    /// <summary>
    /// Reads a budget: its cap, spend and the reservations live at <paramref name="now"/> (those expiring after it);
    /// a budget never used reads as <c>CreditBudget(name, null, 0, 0)</c>.
    /// </summary>
    ValueTask<CreditBudget> GetBudgetAsync(string budget, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Sets a budget's cap (null for none). A cap below what is spent refuses further reservations; nothing spent is undone.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cap"/> is negative.</exception>
    ValueTask SetCapAsync(string budget, decimal? cap, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reserves credits if the budget can take them: spent + live reservations + <paramref name="credits"/> ≤ cap
    /// (always, without a cap). Reservations that expired at or before <paramref name="now"/> stop counting (and are
    /// removed) first; the check and the grant are one atomic step.
    /// </summary>
    /// <param name="budget">The budget's name.</param>
    /// <param name="credits">The most the call may cost; positive.</param>
    /// <param name="now">The caller's clock.</param>
    /// <param name="expiresAt">When the reservation stops counting if it is neither settled nor released; after <paramref name="now"/>.</param>
    /// <param name="reference">What the credits are for, kept with the spend (e.g. <c>enrichment 'emails' run 12</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reservation, with a positive id, or null when the budget cannot take the credits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="credits"/> is zero or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="expiresAt"/> is not after <paramref name="now"/>.</exception>
    ValueTask<CreditReservation?> TryReserveAsync(
        string budget, decimal credits, DateTimeOffset now, DateTimeOffset expiresAt, string? reference, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records what a reserved call spent (at most what was reserved) and ends the reservation, in one step; the rest is
    /// free again. The spend entry is stamped <paramref name="now"/> and keeps the reservation's reference; a spend of 0
    /// ends the reservation and records no entry.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spent"/> is negative or more than the reservation.</exception>
    /// <exception cref="InvalidOperationException">The reservation expired at or before <paramref name="now"/>, or was settled or released already.</exception>
    ValueTask SettleAsync(CreditReservation reservation, decimal spent, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Ends a reservation without spending; one already ended (settled, released or expired and removed) is left as it is.</summary>
    ValueTask ReleaseAsync(CreditReservation reservation, CancellationToken cancellationToken = default);

    /// <summary>Reads a budget's spend entries, newest (last recorded) first, up to <paramref name="limit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<CreditSpend>> ListSpendAsync(string budget, int limit = 100, CancellationToken cancellationToken = default);
}
