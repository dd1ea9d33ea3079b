using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

/// <summary>The match review queue of a <see cref="SqliteStore"/>, read in id order a page at a time.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "Named for the contract it implements, the review queue; it is no collection type.")]
internal sealed class SqliteReviewQueue(SqliteStore store) : IReviewQueue
{
    /// <inheritdoc />
    public async IAsyncEnumerable<MatchReview> ListReviewsAsync(
        EntityKind kind, ReviewStatus? status = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var after = 0L;
        while (true)
        {
            var page = store.Read(scope => LedgerQueries.ReviewPage(scope, kind, status, after), cancellationToken);
            foreach (var review in page)
            {
                yield return review;
            }

            if (page.Count < LedgerQueries.MergePageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    /// <inheritdoc />
    public ValueTask<MatchReview?> GetReviewAsync(long id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(scope => LedgerQueries.Review(scope, id), cancellationToken));

    /// <inheritdoc />
    public ValueTask UpsertReviewAsync(IProfileWriteSession session, MatchReview review, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).UpsertReview(review, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
