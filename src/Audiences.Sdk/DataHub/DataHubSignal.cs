using Audiences.Sdk.Credits;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.DataHub;

/// <summary>One signal with its spend, its last run and what it covers.</summary>
/// <param name="Definition">The saved definition.</param>
/// <param name="Budget">Its budget (<see cref="SignalDefinition.EffectiveBudget"/>) now: cap, credits spent and credits held by runs in flight.</param>
/// <param name="LastRun">The latest run, or null when it never ran.</param>
public sealed record DataHubSignal(SignalDefinition Definition, CreditBudget Budget, SignalRun? LastRun)
{
    /// <summary>The signal's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The audiences whose records it checks, in the definition's order.</summary>
    public IReadOnlyList<DataHubAudience> Audiences { get; init; } = [];

    /// <summary>The fields it writes: its flag (<see cref="SignalDefinition.Field"/>), its details and <see cref="SignalFields.Summary"/>.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
