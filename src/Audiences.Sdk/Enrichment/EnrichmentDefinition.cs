using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>
/// A configured enrichment: which providers look up the profiles of which audiences, where the values found land,
/// what must hold before a found record goes on to an action, and when it runs. Kept by the store by name.
/// </summary>
/// <param name="Name">The enrichment's name, unique in the workspace regardless of case.</param>
/// <param name="Kind">The kind of the profiles it enriches.</param>
/// <param name="Providers">The providers' names, tried in order (a waterfall): a record one of them finds is not sent to the next. At least one.</param>
/// <param name="Audiences">The ids of the audiences whose members it enriches. At least one.</param>
public sealed record EnrichmentDefinition(string Name, EntityKind Kind, IReadOnlyList<string> Providers, IReadOnlyList<long> Audiences)
{
    /// <summary>Which outputs land on which fields; empty for an enrichment that only triggers <see cref="Action"/>.</summary>
    public IReadOnlyList<EnrichmentMapping> Mappings { get; init; } = [];

    /// <summary>The name of the record action triggered for each record found (and passing <see cref="Gate"/>); null for none. An enrichment without mappings sets it.</summary>
    public string? Action { get; init; }

    /// <summary>Filter text a record must meet after enrichment to go on to <see cref="Action"/>; null lets every found record through.</summary>
    public string? Gate { get; init; }

    /// <summary>When it runs on its own; null for only by hand.</summary>
    public EnrichmentSchedule? Schedule { get; init; }

    /// <summary>Whether records entering one of <see cref="Audiences"/> are enriched by the scheduler as they arrive.</summary>
    public bool Continuous { get; init; }

    /// <summary>
    /// The credit budget it spends from; null for one of its own (<c>enrichment:NAME</c>). Enrichments naming one budget
    /// share its cap, which holds across all their runs.
    /// </summary>
    public string? Budget { get; init; }

    /// <summary>The budget in effect.</summary>
    public string EffectiveBudget => Budget ?? $"enrichment:{Name}";
}
