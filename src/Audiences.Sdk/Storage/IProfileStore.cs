using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// The profile store: profiles, their source records and aliases, the merge ledger, the field
/// catalog and related records. Reads see only committed batches; all writes go through an
/// <see cref="IProfileWriteSession"/>, so a batch is either fully stored or not at all.
/// </summary>
/// <remarks>
/// Thread-safety: implementations must allow any number of concurrent readers alongside one
/// writer session; <see cref="BeginWriteAsync"/> waits while another writer session is open.
/// Every implementation must pass the specification suites in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IProfileStore
{
    /// <summary>Opens the single writer session, waiting while another one is open.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A session whose writes become visible together when it commits.</returns>
    ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>Follows merges from <paramref name="id"/> to the live profile it resolves to.</summary>
    /// <returns>The live id (itself when never merged), or null when no profile ever had the id.</returns>
    ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default);

    /// <summary>Reads a profile by id; a merged id resolves to its survivor.</summary>
    /// <returns>The profile, or null when no profile ever had the id.</returns>
    ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default);

    /// <summary>Reads the oldest live profile of <paramref name="kind"/> that holds a normalized alias.</summary>
    /// <returns>The profile, or null when none holds the alias.</returns>
    ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default);

    /// <summary>Reads the live profile that holds a source record.</summary>
    /// <returns>The profile, or null when the record was never imported.</returns>
    ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default);

    /// <summary>Streams the live profiles of a kind in id order (oldest first).</summary>
    IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Counts the live profiles of a kind.</summary>
    ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default);

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

    /// <summary>Streams the merge ledger of a kind in the order the merges happened.</summary>
    IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Streams the split ledger (merges undone) of a kind in the order the splits happened.</summary>
    IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Streams the match reviews of a kind in id order, optionally only those with one status.</summary>
    IAsyncEnumerable<MatchReview> ListReviewsAsync(EntityKind kind, ReviewStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one match review by id.</summary>
    /// <returns>The review, or null when there is none with the id.</returns>
    ValueTask<MatchReview?> GetReviewAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads the field catalog of a kind, ordered by key.</summary>
    ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Reads the field catalog of a kind with each field's fill count, ordered by key.</summary>
    ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the related records whose owner reference names one of <paramref name="ownerRecords"/>
    /// or one of <paramref name="ownerAliases"/> (normalized), ordered by key.
    /// </summary>
    /// <param name="ownerKind">The kind of the owning profile.</param>
    /// <param name="ownerRecords">The owner's source record keys.</param>
    /// <param name="ownerAliases">The owner's normalized aliases.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind,
        IReadOnlyCollection<SourceRecordKey> ownerRecords,
        IReadOnlyCollection<AliasKey> ownerAliases,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every related record of one type and owner kind, each once, in an order of the store's
    /// choosing (owners are not resolved: the caller matches <see cref="RelatedRecord.OwnerRecord"/> and
    /// <see cref="RelatedRecord.OwnerAlias"/> to profiles, as filters over related records do in bulk).
    /// </summary>
    /// <param name="ownerKind">The kind of the owning profiles.</param>
    /// <param name="type">The related record type, e.g. <c>opportunities</c>.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(EntityKind ownerKind, string type, CancellationToken cancellationToken = default);

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
