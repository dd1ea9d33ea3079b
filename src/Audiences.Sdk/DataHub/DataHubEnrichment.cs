using Audiences.Sdk.Credits;
using Audiences.Sdk.Enrichment;

namespace Audiences.Sdk.DataHub;

/// <summary>One enrichment with its spend, its last run and what it covers.</summary>
/// <param name="Definition">The saved definition.</param>
/// <param name="Budget">Its budget (<see cref="EnrichmentDefinition.EffectiveBudget"/>) now: cap, credits spent and credits held by runs in flight.</param>
/// <param name="LastRun">The latest run, or null when it never ran.</param>
public sealed record DataHubEnrichment(EnrichmentDefinition Definition, CreditBudget Budget, EnrichmentRun? LastRun)
{
    /// <summary>The enrichment's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The audiences whose records it enriches, in the definition's order.</summary>
    public IReadOnlyList<DataHubAudience> Audiences { get; init; } = [];

    /// <summary>The fields its mappings write, in the definition's order.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
