using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Matching;

/// <summary>
/// Undoes a merge in one write session: the merged profile comes back under its own id with the
/// source records it held when it was merged (those still in the profile that absorbed it), both
/// profiles' values are derived again, ids that had been merged into it resolve to it again, and a
/// split ledger entry keeps the two sides apart from then on.
/// </summary>
internal sealed class MergeUndoer(StoreContracts store, SurvivorshipRules? survivorship, TimeProvider time)
{
    public async Task<SplitRecord> UndoAsync(ProfileId mergedId, CancellationToken cancellationToken)
    {
        var (merge, ledger, splits) = await FindMergeAsync(mergedId, cancellationToken).ConfigureAwait(false);
        if (merge.MergedRecords.Count == 0)
        {
            throw new InvalidOperationException(
                $"The merge of profile {mergedId} into {merge.SurvivorId} was recorded without its records (a store written before undo existed); it cannot be undone.");
        }

        var session = await store.Profiles.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var liveId = await session.ResolveAsync(mergedId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Profile {mergedId} resolves to no live profile; the store is inconsistent.");
            var survivor = await session.LoadAsync(liveId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Profile {liveId} is live but could not be loaded; the store is inconsistent.");

            var mergedKeys = merge.MergedRecords.ToHashSet();
            var restored = survivor.Sources.Where(s => mergedKeys.Contains(s.Key)).ToList();
            var remaining = survivor.Sources.Where(s => !mergedKeys.Contains(s.Key)).ToList();
            if (restored.Count == 0 || remaining.Count == 0)
            {
                throw new InvalidOperationException(
                    $"Profile {liveId} no longer holds the records the merge of {mergedId} moved apart from others (they were moved by a later undo); there is nothing to split.");
            }

            var redirected = IdsMergedInto(mergedId, merge.Version, ledger, splits);
            await session.RestoreProfileAsync(mergedId, redirected, cancellationToken).ConfigureAwait(false);

            var now = time.GetUtcNow();
            var version = session.LastVersion;
            var restoredAliases = restored.SelectMany(s => s.Aliases).Distinct().ToList();
            await session.WriteProfileAsync(
                new ProfileWrite(mergedId, survivor.Kind, IsNew: true, ++version, merge.MergedCreatedAt ?? now,
                    Survivorship.Derive(restored, survivorship), restored, restoredAliases, []),
                cancellationToken).ConfigureAwait(false);

            var remainingAliases = remaining.SelectMany(s => s.Aliases).Distinct().ToList();
            await session.WriteProfileAsync(
                new ProfileWrite(liveId, survivor.Kind, IsNew: false, ++version, survivor.CreatedAt,
                    Survivorship.Derive(remaining, survivorship), [], [], survivor.Aliases.Except(remainingAliases).ToList())
                {
                    ReleasedSources = restored.ConvertAll(s => s.Key),
                },
                cancellationToken).ConfigureAwait(false);

            var split = new SplitRecord(
                ++version, survivor.Kind, liveId, mergedId, merge.Version, restored.ConvertAll(s => s.Key), remaining.ConvertAll(s => s.Key), now);
            await store.Ledger.AppendSplitAsync(session, split, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return split;
        }
    }

    /// <summary>The latest merge that retired <paramref name="mergedId"/>, with the ledgers of its kind.</summary>
    private async Task<(MergeRecord Merge, List<MergeRecord> Ledger, List<SplitRecord> Splits)> FindMergeAsync(
        ProfileId mergedId, CancellationToken cancellationToken)
    {
        if (await store.Profiles.ResolveAsync(mergedId, cancellationToken).ConfigureAwait(false) is not { } live)
        {
            throw new KeyNotFoundException($"No profile ever had the id {mergedId}.");
        }

        if (live == mergedId)
        {
            throw new InvalidOperationException($"Profile {mergedId} is live: it was not merged into another profile (or its merge was already undone).");
        }

        foreach (var kind in (EntityKind[])[EntityKind.Person, EntityKind.Company])
        {
            var ledger = await store.Ledger.ListMergesAsync(kind, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
            var merge = ledger.LastOrDefault(m => m.MergedId == mergedId);
            if (merge is not null)
            {
                var splits = await store.Ledger.ListSplitsAsync(kind, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
                return (merge, ledger, splits);
            }
        }

        throw new InvalidOperationException($"Profile {mergedId} resolves to {live} but the merge ledger has no entry for it; the store is inconsistent.");
    }

    /// <summary>The ids merged, directly or through others, into <paramref name="id"/> before <paramref name="beforeVersion"/> and not undone since.</summary>
    private static List<ProfileId> IdsMergedInto(ProfileId id, long beforeVersion, List<MergeRecord> ledger, List<SplitRecord> splits)
    {
        var undone = splits.Select(s => s.MergeVersion).ToHashSet();
        var found = new List<ProfileId>();
        var pending = new Queue<ProfileId>([id]);
        while (pending.TryDequeue(out var target))
        {
            foreach (var merge in ledger)
            {
                if (merge.Version < beforeVersion && merge.SurvivorId == target && !undone.Contains(merge.Version) && !found.Contains(merge.MergedId))
                {
                    found.Add(merge.MergedId);
                    pending.Enqueue(merge.MergedId);
                }
            }
        }

        return found;
    }
}
