namespace Audiences.Sdk.Credits;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingCreditLedger(ICreditLedger inner) : ICreditLedger
{
    /// <summary>The contract calls go to.</summary>
    protected ICreditLedger Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<CreditBudget> GetBudgetAsync(string budget, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Inner.GetBudgetAsync(budget, now, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SetCapAsync(string budget, decimal? cap, CancellationToken cancellationToken = default) =>
        Inner.SetCapAsync(budget, cap, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<CreditReservation?> TryReserveAsync(
        string budget, decimal credits, DateTimeOffset now, DateTimeOffset expiresAt, string? reference, CancellationToken cancellationToken = default) =>
        Inner.TryReserveAsync(budget, credits, now, expiresAt, reference, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SettleAsync(CreditReservation reservation, decimal spent, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Inner.SettleAsync(reservation, spent, now, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask ReleaseAsync(CreditReservation reservation, CancellationToken cancellationToken = default) =>
        Inner.ReleaseAsync(reservation, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<CreditSpend>> ListSpendAsync(string budget, int limit = 100, CancellationToken cancellationToken = default) =>
        Inner.ListSpendAsync(budget, limit, cancellationToken);
}
