using System.Diagnostics.CodeAnalysis;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
[SuppressMessage("Naming", "CA1711", Justification = "The review queue is the domain's name for the pairs awaiting a decision; it is no collection type.")]
public abstract class DelegatingReviewQueue(IReviewQueue inner) : IReviewQueue
{
    /// <summary>The contract calls go to.</summary>
    protected IReviewQueue Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual IAsyncEnumerable<MatchReview> ListReviewsAsync(EntityKind kind, ReviewStatus? status = null, CancellationToken cancellationToken = default) =>
        Inner.ListReviewsAsync(kind, status, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<MatchReview?> GetReviewAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.GetReviewAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask UpsertReviewAsync(IProfileWriteSession session, MatchReview review, CancellationToken cancellationToken = default) =>
        Inner.UpsertReviewAsync(session, review, cancellationToken);
}
