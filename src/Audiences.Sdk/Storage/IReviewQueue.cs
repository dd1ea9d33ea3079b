using System.Diagnostics.CodeAnalysis;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// The match review queue: pairs of records that probabilistic matching found too uncertain to merge,
/// and the decisions taken on them. Reviews are written inside a write session.
/// </summary>
/// <remarks>
/// Thread-safety: reads run alongside the writer session. The session passed to <see cref="UpsertReviewAsync"/>
/// is one begun by the same store's <see cref="IProfileStore.BeginWriteAsync"/>, possibly wrapped in a
/// <see cref="DelegatingProfileWriteSession"/>. Every implementation must pass <c>ReviewQueueSpecification</c>
/// in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
[SuppressMessage("Naming", "CA1711", Justification = "The review queue is the domain's name for the pairs awaiting a decision; it is no collection type.")]
public interface IReviewQueue
{
    /// <summary>Streams the match reviews of a kind in id order, optionally only those with one status.</summary>
    IAsyncEnumerable<MatchReview> ListReviewsAsync(EntityKind kind, ReviewStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one match review by id.</summary>
    /// <returns>The review, or null when there is none with the id.</returns>
    ValueTask<MatchReview?> GetReviewAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Inserts a match review, or replaces the one with the same id (a decision), as part of <paramref name="session"/>.</summary>
    /// <param name="session">The open write session of this store.</param>
    /// <param name="review">The review.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The session was begun by another store.</exception>
    ValueTask UpsertReviewAsync(IProfileWriteSession session, MatchReview review, CancellationToken cancellationToken = default);
}
