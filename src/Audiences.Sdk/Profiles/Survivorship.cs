namespace Audiences.Sdk.Profiles;

/// <summary>
/// Derives a profile's current values from its source records: for each field, the non-empty
/// value of the highest-ranked source wins (locked values, then host upserts and enrichment, then CRM records, CRM
/// leads, warehouse rows, CSV rows, search results); ties go to the most recent observation,
/// then to the most recently changed record. This is the one place the derivation lives.
/// </summary>
public static class Survivorship
{
    /// <summary>The default rank of a source kind: lower wins.</summary>
    public static int Rank(SourceKind kind) => kind switch
    {
        SourceKind.Manual => -1,
        SourceKind.Upsert or SourceKind.Enrichment => 0,
        SourceKind.Crm => 1,
        SourceKind.CrmLead => 2,
        SourceKind.Warehouse => 3,
        SourceKind.Csv => 4,
        SourceKind.Search => 5,
        _ => 6,
    };

    /// <summary>Orders source records from the most to the least authoritative.</summary>
    public static IEnumerable<StoredSourceRecord> Order(IEnumerable<StoredSourceRecord> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return sources
            .OrderBy(s => Rank(s.Record.SourceKind))
            .ThenByDescending(s => s.ObservedAt)
            .ThenByDescending(s => s.LastChangedVersion)
            .ThenBy(s => s.Key.ToString(), StringComparer.Ordinal);
    }

    /// <summary>Computes the current value of every field filled by at least one source record.</summary>
    /// <param name="sources">All source records of one profile.</param>
    /// <param name="rules">Per-field overrides of the default order; null for none.</param>
    /// <returns>The winning value per field key, as a read-only view over the records (no copy of the values).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is null.</exception>
    public static IReadOnlyDictionary<string, ProfileValue> Derive(IEnumerable<StoredSourceRecord> sources, SurvivorshipRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(sources);

        // Most profiles have one source record: skip the ordering.
        var ordered = sources is IReadOnlyList<StoredSourceRecord> { Count: 1 } single ? [single[0]] : Order(sources).ToArray();
        return ordered.Length == 0 ? EmptyValues : SurvivingValues.Create(ordered, rules);
    }

    private static readonly IReadOnlyDictionary<string, ProfileValue> EmptyValues = new Dictionary<string, ProfileValue>();
}
