using Audiences.Sdk.Matching;
using Audiences.Sdk.Matching.Probabilistic;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Import;

/// <summary>
/// The probabilistic pass of an import: after the alias matching, every source record of the kind
/// goes into a table over the compared fields, the model is trained on the data itself, and the
/// records the import wrote are scored against all others. Pairs at or above the match threshold
/// merge their profiles (recorded with the probability, so they explain and undo like any merge);
/// pairs between the review and match thresholds are queued for review, once.
/// </summary>
internal sealed class FuzzyResolver(StoreContracts store, SurvivorshipRules? survivorship, TimeProvider time)
{
    public async Task<(long Merged, long Queued)> ResolveAsync(
        EntityKind kind, ProbabilisticMatchingOptions options, IReadOnlySet<SourceRecordKey> written, CancellationToken cancellationToken)
    {
        if (written.Count == 0)
        {
            return (0, 0);
        }

        var (table, keys) = await BuildTableAsync(kind, options, cancellationToken).ConfigureAwait(false);
        if (table.Count < 2)
        {
            return (0, 0);
        }

        var model = new FellegiSunterTrainer(options).Train(table, cancellationToken);
        var focus = Enumerable.Range(0, keys.Count).Where(row => written.Contains(keys[row])).Select(row => (long)row);
        var scored = new FuzzyPairScorer(model, options).Score(table, options.ReviewThreshold, focus, cancellationToken);

        var keepApart = await KeepApartRules.LoadAsync(store.Ledger, kind, cancellationToken).ConfigureAwait(false);
        var reviewed = new HashSet<(SourceRecordKey, SourceRecordKey)>();
        await foreach (var review in store.Reviews.ListReviewsAsync(kind, null, cancellationToken).ConfigureAwait(false))
        {
            reviewed.Add(Ordered(review.Left, review.Right));
            if (review.Status == ReviewStatus.Rejected)
            {
                keepApart.Add([review.Left], [review.Right], $"review {review.Id} rejected the pair {review.Left} and {review.Right}");
            }
        }

        // Strongest evidence first, so a chain of merges follows the surest pairs.
        var pairs = scored.Pairs.OrderByDescending(p => p.MatchProbability).ThenBy(p => p.LeftId).ThenBy(p => p.RightId).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var session = await store.Profiles.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var merger = new ProfileMerger(session, store.Ledger, survivorship);
            var now = time.GetUtcNow();
            long merged = 0, queued = 0;
            foreach (var pair in pairs)
            {
                var left = keys[(int)pair.LeftId];
                var right = keys[(int)pair.RightId];
                var leftId = await merger.OwnerAsync(left, cancellationToken).ConfigureAwait(false);
                var rightId = await merger.OwnerAsync(right, cancellationToken).ConfigureAwait(false);
                if (leftId == rightId || await KeptApartAsync(merger, keepApart, leftId, rightId, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                if (pair.MatchProbability >= options.MatchThreshold)
                {
                    await merger.MergeAsync(left, right, pair.MatchProbability, now, cancellationToken).ConfigureAwait(false);
                    merged++;
                }
                else if (reviewed.Add(Ordered(left, right)))
                {
                    var evidence = pair.Contributions.Select(c => new MatchEvidence(c.Field, c.Level, c.Weight, c.LeftValue, c.RightValue)).ToList();
                    await store.Reviews.UpsertReviewAsync(session, 
                        new MatchReview(merger.NextVersion(), kind, left, right, pair.MatchProbability, pair.MatchWeight, evidence, now),
                        cancellationToken).ConfigureAwait(false);
                    queued++;
                }
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (merged, queued);
        }
    }

    /// <summary>One row per source record (locks left out), keyed by row number.</summary>
    private async Task<(FuzzyRecordTable Table, List<SourceRecordKey> Keys)> BuildTableAsync(
        EntityKind kind, ProbabilisticMatchingOptions options, CancellationToken cancellationToken)
    {
        var fields = options.Comparisons.Select(c => c.Field)
            .Concat(options.EffectiveBlockingRules().SelectMany(r => r.Keys).Select(k => k.Field))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var table = new FuzzyRecordTable(fields);
        var keys = new List<SourceRecordKey>();
        var values = new string?[fields.Length];
        await foreach (var profile in store.Profiles.ListProfilesAsync(kind, cancellationToken).ConfigureAwait(false))
        {
            foreach (var source in profile.Sources)
            {
                if (source.Record.SourceKind == SourceKind.Manual)
                {
                    continue;
                }

                for (var i = 0; i < fields.Length; i++)
                {
                    values[i] = source.Record.Values.TryGetValue(fields[i], out var value) && !value.IsEmpty ? value.ToString() : null;
                }

                table.Add(keys.Count, values);
                keys.Add(source.Key);
            }
        }

        return (table, keys);
    }

    private static async ValueTask<bool> KeptApartAsync(
        ProfileMerger merger, KeepApartRules keepApart, ProfileId left, ProfileId right, CancellationToken cancellationToken)
    {
        if (keepApart.IsEmpty)
        {
            return false;
        }

        var first = await merger.LoadAsync(left, cancellationToken).ConfigureAwait(false);
        var second = await merger.LoadAsync(right, cancellationToken).ConfigureAwait(false);
        return keepApart.Conflict(first.Sources, second.Sources) is not null;
    }

    private static (SourceRecordKey, SourceRecordKey) Ordered(SourceRecordKey a, SourceRecordKey b) =>
        string.CompareOrdinal(a.ToString(), b.ToString()) <= 0 ? (a, b) : (b, a);
}
