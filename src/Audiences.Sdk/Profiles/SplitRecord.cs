namespace Audiences.Sdk.Profiles;

/// <summary>
/// An entry of the split ledger: a merge undone. The merged profile came back under its own id
/// with the source records it held when it was merged; from then on the two sides are kept apart,
/// so no later import merges them again through the same aliases.
/// </summary>
/// <param name="Version">The change version the split was recorded at.</param>
/// <param name="Kind">Person or company.</param>
/// <param name="SurvivorId">The profile the merged one had been merged into (as it resolved when the split happened).</param>
/// <param name="RestoredId">The merged profile's id, live again.</param>
/// <param name="MergeVersion">The version of the merge ledger entry that was undone.</param>
/// <param name="RestoredRecords">The source records moved back into the restored profile.</param>
/// <param name="RemainingRecords">The source records left with <paramref name="SurvivorId"/>.</param>
/// <param name="SplitAt">When the split happened.</param>
public sealed record SplitRecord(
    long Version,
    EntityKind Kind,
    ProfileId SurvivorId,
    ProfileId RestoredId,
    long MergeVersion,
    IReadOnlyList<SourceRecordKey> RestoredRecords,
    IReadOnlyList<SourceRecordKey> RemainingRecords,
    DateTimeOffset SplitAt)
{
    /// <summary>A one-line human explanation of the split.</summary>
    public string Reason =>
        $"the merge of profile {RestoredId} into {SurvivorId} (version {MergeVersion}) was undone: {RestoredRecords.Count} record(s) moved back to {RestoredId}, {RemainingRecords.Count} stayed with {SurvivorId}; the two are kept apart";
}
