using System.Diagnostics.CodeAnalysis;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>The match review queue of an <see cref="InMemoryStore"/>, in id order.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "Named for the contract it implements, the review queue; it is no collection type.")]
internal sealed class InMemoryReviewQueue(InMemoryStore store) : IReviewQueue
{
    public IAsyncEnumerable<MatchReview> ListReviewsAsync(EntityKind kind, ReviewStatus? status = null, CancellationToken cancellationToken = default) =>
        Snapshot.StreamAsync(
            store.Read(state => state.Reviews.Values.Where(r => r.Kind == kind && (status is null || r.Status == status)).ToArray()),
            cancellationToken);

    public ValueTask<MatchReview?> GetReviewAsync(long id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(state => state.Reviews.GetValueOrDefault(id)));

    public ValueTask UpsertReviewAsync(IProfileWriteSession session, MatchReview review, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).UpsertReview(review);
        return ValueTask.CompletedTask;
    }
}
