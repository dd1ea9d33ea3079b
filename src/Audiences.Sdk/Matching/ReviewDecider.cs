using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Matching;

/// <summary>Applies a person's decision on a queued pair: accept merges the two profiles, reject records that they differ.</summary>
internal sealed class ReviewDecider(StoreContracts store, SurvivorshipRules? survivorship, TimeProvider time)
{
    public async Task<MatchReview> DecideAsync(long id, bool accept, CancellationToken cancellationToken)
    {
        var review = await store.Reviews.GetReviewAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no match review {id}.");
        if (review.Status != ReviewStatus.Pending)
        {
            throw new InvalidOperationException($"Match review {id} was already {review.Status.ToString().ToLowerInvariant()} at {review.DecidedAt:u}.");
        }

        var keepApart = accept ? await KeepApartRules.LoadAsync(store.Ledger, review.Kind, cancellationToken).ConfigureAwait(false) : null;
        var session = await store.Profiles.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var merger = new ProfileMerger(session, store.Ledger, survivorship);
            var now = time.GetUtcNow();
            if (accept && keepApart is { IsEmpty: false })
            {
                var left = await merger.LoadAsync(await merger.OwnerAsync(review.Left, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                var right = await merger.LoadAsync(await merger.OwnerAsync(review.Right, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                if (left.Id != right.Id && keepApart.Conflict(left.Sources, right.Sources) is { } reason)
                {
                    throw new InvalidOperationException($"Match review {id} cannot be accepted: {reason}.");
                }
            }

            if (accept)
            {
                await merger.MergeAsync(review.Left, review.Right, review.MatchProbability, now, cancellationToken).ConfigureAwait(false);
            }

            var decided = review with { Status = accept ? ReviewStatus.Accepted : ReviewStatus.Rejected, DecidedAt = now };
            await store.Reviews.UpsertReviewAsync(session, decided, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return decided;
        }
    }
}
