using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Matching;

/// <summary>
/// An entry of the merge ledger: one profile merged into an older one, with the alias and the
/// source record that caused it.
/// </summary>
/// <param name="Version">The change version the merge was recorded at; orders the ledger.</param>
/// <param name="Kind">Person or company.</param>
/// <param name="SurvivorId">The older profile that absorbed the other; its id is kept.</param>
/// <param name="MergedId">The profile that was merged; its id now resolves to the survivor.</param>
/// <param name="Alias">The alias the two profiles shared, or null when a source record key joined them.</param>
/// <param name="CausedBy">The source record whose import revealed the match.</param>
/// <param name="MergedAt">When the merge happened.</param>
public sealed record MergeRecord(
    long Version,
    EntityKind Kind,
    ProfileId SurvivorId,
    ProfileId MergedId,
    AliasKey? Alias,
    SourceRecordKey CausedBy,
    DateTimeOffset MergedAt)
{
    /// <summary>A one-line human explanation of the merge.</summary>
    public string Reason => Alias is { } alias
        ? $"record {CausedBy} shares {alias.Field} '{alias.Value}' with both profiles"
        : $"record {CausedBy} was already part of profile {SurvivorId}";
}
