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
/// <param name="Alias">The alias through which the record matched the merged profile, or null when the record already belonged to it.</param>
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
    public string Reason => Alias switch
    {
        { Field: AliasFields.ConvertedRecord } =>
            $"record {CausedBy} is a converted record joined to profile {MergedId}, and also matched the older profile {SurvivorId}",
        { } alias => $"record {CausedBy} matched profile {MergedId} by {alias.Field} '{alias.Value}' and also matched the older profile {SurvivorId}",
        null => $"record {CausedBy} already belonged to profile {MergedId} and also matched the older profile {SurvivorId}",
    };
}
