namespace Audiences.Sdk.Credits;

/// <summary>A budget as it stands.</summary>
/// <param name="Name">The budget's name.</param>
/// <param name="Cap">The most it may spend; null for no cap.</param>
/// <param name="Spent">The credits spent.</param>
/// <param name="Reserved">The credits held by live reservations.</param>
public sealed record CreditBudget(string Name, decimal? Cap, decimal Spent, decimal Reserved)
{
    /// <summary>What may still be reserved; null without a cap, never below zero.</summary>
    public decimal? Available => Cap is { } cap ? Math.Max(0, cap - Spent - Reserved) : null;
}
