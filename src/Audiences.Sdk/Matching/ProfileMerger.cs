using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Matching;

/// <summary>
/// Merges two live profiles found to be one entity without a shared alias (probabilistic matching
/// or an accepted review): the younger joins the older, the merge is recorded with its probability,
/// and the survivor's values are derived again.
/// </summary>
internal sealed class ProfileMerger(IProfileWriteSession session, IMergeLedger ledger, SurvivorshipRules? survivorship)
{
    private long _version = session.LastVersion;

    /// <summary>Hands out the next change version (for other writes made in the same session).</summary>
    public long NextVersion() => ++_version;

    /// <summary>Merges the profiles holding <paramref name="left"/> and <paramref name="right"/>; false when they already are one.</summary>
    public async ValueTask<MergeRecord?> MergeAsync(
        SourceRecordKey left, SourceRecordKey right, double probability, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leftId = await OwnerAsync(left, cancellationToken).ConfigureAwait(false);
        var rightId = await OwnerAsync(right, cancellationToken).ConfigureAwait(false);
        if (leftId == rightId)
        {
            return null;
        }

        var (survivorId, mergedId, causedBy) = leftId < rightId ? (leftId, rightId, right) : (rightId, leftId, left);
        var survivor = await LoadAsync(survivorId, cancellationToken).ConfigureAwait(false);
        var merged = await LoadAsync(mergedId, cancellationToken).ConfigureAwait(false);

        await session.RetireProfileAsync(mergedId, survivorId, cancellationToken).ConfigureAwait(false);
        var merge = MergeRecord.Of(++_version, survivorId, merged, null, causedBy, now, probability);
        await ledger.AppendMergeAsync(session, merge, cancellationToken).ConfigureAwait(false);

        var sources = survivor.Sources.Concat(merged.Sources).ToList();
        var write = new ProfileWrite(
            survivorId, survivor.Kind, IsNew: false, ++_version, survivor.CreatedAt, Survivorship.Derive(sources, survivorship),
            merged.Sources, merged.Aliases.Except(survivor.Aliases).ToList(), []);
        await session.WriteProfileAsync(write, cancellationToken).ConfigureAwait(false);
        return merge;
    }

    /// <summary>The live profile holding a record.</summary>
    public async ValueTask<ProfileId> OwnerAsync(SourceRecordKey key, CancellationToken cancellationToken) =>
        await session.FindSourceRecordOwnerAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Record {key} is in no profile; it may have been removed since it was scored.");

    /// <summary>Loads a live profile.</summary>
    public async ValueTask<Profile> LoadAsync(ProfileId id, CancellationToken cancellationToken) =>
        await session.LoadAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Profile {id} is live but could not be loaded; the store is inconsistent.");
}
