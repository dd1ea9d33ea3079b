
namespace Audiences.Sdk.Storage;

/// <summary>
/// Change detection over the store-wide version sequence: what changed since a version a consumer
/// (audience membership, exports, continuous enrichment) has already processed.
/// </summary>
/// <remarks>
/// Thread-safe: reads see committed sessions only. Every implementation must pass
/// <c>ChangeFeedSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IChangeFeed
{
    /// <summary>The highest change version committed so far (0 for an empty store).</summary>
    ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams what changed after <paramref name="sinceVersion"/>: first every live profile whose
    /// version is greater, in version order, then every id retired by a merge after that version
    /// that is not live again, in the order of those merges. Each id appears once, with its last change.
    /// </summary>
    /// <param name="sinceVersion">A change version already processed; 0 lists everything.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <remarks>
    /// Stores answer this from an index on versions (never a scan of all profiles), so its cost follows
    /// the number of changes. Changes committed while the stream is read may or may not be included.
    /// </remarks>
    IAsyncEnumerable<ProfileChange> ListChangedProfilesAsync(long sinceVersion, CancellationToken cancellationToken = default);
}
