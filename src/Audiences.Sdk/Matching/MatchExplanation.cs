using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Matching;

/// <summary>Why the source records of a profile belong together.</summary>
/// <param name="Profile">The profile explained.</param>
/// <param name="Links">For each record but the oldest, the alias that joins it to a record explained before it.</param>
/// <param name="Merges">The merge ledger entries that made the profile what it is, in order.</param>
public sealed record MatchExplanation(Profile Profile, IReadOnlyList<MatchLink> Links, IReadOnlyList<MergeRecord> Merges)
{
    /// <summary>
    /// Records no alias joins any more (the value they shared changed after they were merged); the
    /// merge ledger still says why they were merged.
    /// </summary>
    public IEnumerable<SourceRecordKey> Unlinked =>
        Profile.Sources.Skip(1).Select(s => s.Key).Where(key => !Links.Any(l => l.To == key));
}
