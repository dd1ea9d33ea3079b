using System.Globalization;

namespace Audiences.Sdk.Profiles;

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
    /// <summary>
    /// The source records the merged profile held when it was merged: an undo moves them back
    /// into a profile with the merged id.
    /// </summary>
    public IReadOnlyList<SourceRecordKey> MergedRecords { get; init; } = [];

    /// <summary>When the merged profile was created: an undo gives it back its creation time.</summary>
    public DateTimeOffset? MergedCreatedAt { get; init; }

    /// <summary>For a merge found by probabilistic matching (or accepted from review), the pair's match probability; null for an alias merge.</summary>
    public double? MatchProbability { get; init; }

    /// <summary>
    /// The ledger entry for merging <paramref name="merged"/> into <paramref name="survivorId"/>. Every
    /// merge is recorded through here, so each entry carries what an undo needs to give the merged
    /// profile back: its source records and its creation time.
    /// </summary>
    /// <param name="version">The change version the merge is recorded at.</param>
    /// <param name="survivorId">The older profile that absorbs the merged one.</param>
    /// <param name="merged">The profile merged away, as it was just before the merge.</param>
    /// <param name="alias">The alias that caused the merge, or null.</param>
    /// <param name="causedBy">The source record whose import or scoring revealed the match.</param>
    /// <param name="mergedAt">When the merge happens.</param>
    /// <param name="matchProbability">The pair's match probability for a probabilistic merge; null for an alias merge.</param>
    internal static MergeRecord Of(
        long version, ProfileId survivorId, Profile merged, AliasKey? alias, SourceRecordKey causedBy, DateTimeOffset mergedAt, double? matchProbability = null)
    {
        var records = new SourceRecordKey[merged.Sources.Count];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = merged.Sources[i].Key;
        }

        return new MergeRecord(version, merged.Kind, survivorId, merged.Id, alias, causedBy, mergedAt)
        {
            MergedRecords = records,
            MergedCreatedAt = merged.CreatedAt,
            MatchProbability = matchProbability,
        };
    }

    /// <summary>A one-line human explanation of the merge.</summary>
    public string Reason => (Alias, MatchProbability) switch
    {
        (_, { } probability) =>
            $"profile {MergedId} (record {CausedBy}) matched the older profile {SurvivorId} with probability {probability.ToString("0.####", CultureInfo.InvariantCulture)}",
        ({ Field: AliasFields.ConvertedRecord }, _) =>
            $"record {CausedBy} is a converted record joined to profile {MergedId}, and also matched the older profile {SurvivorId}",
        ({ } alias, _) => $"record {CausedBy} matched profile {MergedId} by {alias.Field} '{alias.Value}' and also matched the older profile {SurvivorId}",
        (null, _) => $"record {CausedBy} already belonged to profile {MergedId} and also matched the older profile {SurvivorId}",
    };
}
