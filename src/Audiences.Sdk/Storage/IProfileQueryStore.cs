using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// Filters evaluated where the data lives: counts, pages and id lists of the profiles a bound filter
/// selects, with the semantics of <see cref="FilterSemantics"/>, over committed sessions only.
/// </summary>
/// <remarks>
/// Thread-safe: any number of concurrent calls. Every implementation must pass
/// <c>ProfileQueryStoreSpecification</c> in <c>Audiences.Sdk.Testing</c>, which holds it to
/// <see cref="FilterEvaluator"/> case by case.
/// </remarks>
public interface IProfileQueryStore
{
    /// <summary>
    /// Counts the live profiles of <see cref="BoundFilter.Kind"/> that match <paramref name="filter"/>,
    /// evaluated where the data lives with the semantics of <see cref="FilterSemantics"/>.
    /// </summary>
    /// <remarks>
    /// "Now" for <c>within last</c> comes from the store's <see cref="TimeProvider"/>, read once per call.
    /// The result equals <see cref="FilterEvaluator"/> applied to every profile's current values.
    /// </remarks>
    /// <param name="filter">A filter bound to the store's field catalog.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    /// <exception cref="NotSupportedException">The filter reads a linked entity or related records (see <see cref="FilterPushdown"/>).</exception>
    ValueTask<long> CountProfilesAsync(BoundFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the live profiles of <see cref="BoundFilter.Kind"/> that match <paramref name="filter"/>
    /// in id order (oldest first), optionally one page at a time.
    /// </summary>
    /// <param name="filter">A filter bound to the store's field catalog.</param>
    /// <param name="afterId">Only profiles with a larger id (the last id of the previous page); null starts at the first.</param>
    /// <param name="limit">The most profiles to return; null for all.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <exception cref="NotSupportedException">The filter reads a linked entity or related records (see <see cref="FilterPushdown"/>).</exception>
    IAsyncEnumerable<Profile> ListProfilesAsync(
        BoundFilter filter, ProfileId? afterId = null, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the ids of the live profiles of <see cref="BoundFilter.Kind"/> that match <paramref name="filter"/>,
    /// in id order: what <see cref="ListProfilesAsync(BoundFilter, ProfileId?, int?, CancellationToken)"/> lists,
    /// without reading the profiles (for combining filter parts as sets).
    /// </summary>
    /// <param name="filter">A filter bound to the store's field catalog.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    /// <exception cref="NotSupportedException">The filter reads a linked entity or related records (see <see cref="FilterPushdown"/>).</exception>
    IAsyncEnumerable<ProfileId> ListProfileIdsAsync(BoundFilter filter, CancellationToken cancellationToken = default);
}
