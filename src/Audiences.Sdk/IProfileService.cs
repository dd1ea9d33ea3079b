using Audiences.Sdk.Filtering;
using Audiences.Sdk.Import;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk;

/// <summary>
/// The host's entry point to profiles: import and upsert records (matched and merged across
/// sources), read profiles by id or alias, list merges, and read the field catalog.
/// </summary>
/// <remarks>Thread-safe. Imports are serialized by the store; reads run alongside them and see whole batches only.</remarks>
public interface IProfileService
{
    /// <summary>
    /// Imports rows from a source: each record is matched on its source key and the import's alias
    /// fields, merged with the profiles it matches and kept as provenance. Batches are atomic;
    /// rejected rows are counted and reported and the rest is imported.
    /// </summary>
    /// <param name="rows">The rows, for example from a CSV source.</param>
    /// <param name="options">The kind of the records and the alias fields to match on.</param>
    /// <param name="progress">Receives counts after each committed batch.</param>
    /// <param name="cancellationToken">Stops the import between batches; committed batches stay.</param>
    /// <returns>What the import did.</returns>
    /// <exception cref="ArgumentException">The options are invalid (batch size, match fields).</exception>
    /// <exception cref="OperationCanceledException">The import was cancelled; every batch before it is stored whole.</exception>
    Task<ImportResult> ImportAsync(
        IAsyncEnumerable<SourceRow> rows,
        ImportOptions options,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves records pushed by the host application, deduplicated and merged like any import.
    /// Give them <see cref="SourceKind.Upsert"/> to rank their values above every other source.
    /// </summary>
    /// <exception cref="ArgumentException">The records are not all of <paramref name="options"/>' kind, or the options are invalid.</exception>
    Task<ImportResult> UpsertAsync(IEnumerable<SourceRecord> records, ImportOptions options, CancellationToken cancellationToken = default);

    /// <summary>Stores related records (opportunities, deals, activities) against their owners.</summary>
    /// <returns>The result, with <see cref="ImportResult.Related"/> counting the stored records.</returns>
    Task<ImportResult> ImportRelatedAsync(IAsyncEnumerable<RelatedRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Reads a profile by id; a merged id resolves to its survivor.</summary>
    /// <returns>The profile, or null when no profile ever had the id.</returns>
    ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a profile by an alias value as a source would give it (normalized here).</summary>
    /// <param name="kind">Person or company.</param>
    /// <param name="aliasField">An alias field, such as <see cref="AliasFields.Email"/>.</param>
    /// <param name="value">The raw value, e.g. <c>" Ada@Example.COM "</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile, or null when none holds the alias or the value does not normalize.</returns>
    ValueTask<Profile?> FindProfileAsync(EntityKind kind, string aliasField, string value, CancellationToken cancellationToken = default);

    /// <summary>Finds the profile holding a source record, such as the one a push or a sync wrote under its id.</summary>
    /// <param name="key">The source's name and the record's id in it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile (the survivor, when the record's profile was merged), or null when no profile holds the record.</returns>
    ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default);

    /// <summary>Streams the live profiles of a kind, oldest first.</summary>
    IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Counts the live profiles of a kind.</summary>
    ValueTask<long> CountAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the catalog filters are bound against: the fields of people and of companies as the
    /// store holds them, and a person's <c>company</c> as a linked entity. The store lists no related
    /// record collections, so quantifiers such as <c>opportunities.any(...)</c> do not bind against it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A catalog of the fields that exist now; fields created by later imports are not in it.</returns>
    ValueTask<FilterCatalog> GetFilterCatalogAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Parses filter text (docs/filters.md) and binds it to the store's catalog
    /// (<see cref="GetFilterCatalogAsync"/>), ready for <see cref="CountAsync(BoundFilter, CancellationToken)"/>
    /// and <see cref="ListProfilesAsync(BoundFilter, ProfileId?, int?, CancellationToken)"/>.
    /// </summary>
    /// <param name="kind">The kind of profile the filter selects.</param>
    /// <param name="filterText">The filter, e.g. <c>title contains "VP" and score &gt; 50</c>.</param>
    /// <param name="cancellationToken">Cancels reading the catalog.</param>
    /// <returns>The bound filter; its <see cref="BoundFilter.ToString"/> is the normalized text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filterText"/> is null.</exception>
    /// <exception cref="FilterSyntaxException">The text does not follow the syntax; the error has the position.</exception>
    /// <exception cref="FilterBindingException">A name is unknown (with a did-you-mean), an operator does not fit its field, or a value has the wrong type.</exception>
    ValueTask<BoundFilter> BindFilterAsync(EntityKind kind, string filterText, CancellationToken cancellationToken = default);

    /// <summary>Counts the live profiles of a kind that match filter text, bound to the store's catalog and evaluated by the store.</summary>
    /// <param name="kind">The kind of profile to count.</param>
    /// <param name="filterText">The filter, e.g. <c>vip = true and score &gt;= 90</c>.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of matching profiles.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filterText"/> is null.</exception>
    /// <exception cref="FilterException">The text does not parse or bind (see <see cref="BindFilterAsync"/>).</exception>
    ValueTask<long> CountAsync(EntityKind kind, string filterText, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts the live profiles of <see cref="BoundFilter.Kind"/> that match a bound filter, evaluated
    /// by the store. A filter that reads a linked company's fields or quantifies over related records,
    /// which stores do not evaluate, is split: its own-field and company parts are pushed down to the store,
    /// related records of each quantified type are read once, and the parts are combined as sets of ids
    /// (every person's company and the related records' owners are indexed once per store version).
    /// </summary>
    /// <param name="filter">A filter bound to the store's catalog, e.g. by <see cref="BindFilterAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of matching profiles.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    ValueTask<long> CountAsync(BoundFilter filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the live profiles of <see cref="BoundFilter.Kind"/> that match a bound filter in id
    /// order (oldest first), evaluated by the store, optionally one page at a time: pass the last id
    /// of a page as <paramref name="afterId"/> to read the next.
    /// </summary>
    /// <param name="filter">A filter bound to the store's catalog, e.g. by <see cref="BindFilterAsync"/>.</param>
    /// <param name="afterId">Only profiles with a larger id; null starts at the first.</param>
    /// <param name="limit">The most profiles to return; null for all.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <remarks>
    /// A null filter and a limit below 1 are refused when the call is made. A filter that reads a
    /// linked company's fields or quantifies over related records is answered as in
    /// <see cref="CountAsync(BoundFilter, CancellationToken)"/>, then the page's profiles are read by id.
    /// </remarks>
    IAsyncEnumerable<Profile> ListProfilesAsync(
        BoundFilter filter, ProfileId? afterId = null, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>Streams the merge ledger of a kind in the order merges happened.</summary>
    IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Streams the split ledger (merges undone) of a kind in the order the splits happened.</summary>
    IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Undoes the merge that retired <paramref name="mergedId"/>: the profile comes back under that
    /// id with the source records it held when it was merged, both profiles' values are derived
    /// again, and the split is recorded. The two sides are kept apart from then on: importing the
    /// same records again does not merge them (the import reports the alias it did not follow).
    /// </summary>
    /// <param name="mergedId">The id of the profile that was merged away (<see cref="MergeRecord.MergedId"/>).</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <returns>The split ledger entry.</returns>
    /// <exception cref="KeyNotFoundException">No profile ever had the id.</exception>
    /// <exception cref="InvalidOperationException">The id is live (never merged, or already split), or its records have since been moved by another undo.</exception>
    Task<SplitRecord> UndoMergeAsync(ProfileId mergedId, CancellationToken cancellationToken = default);

    /// <summary>Streams the match review queue of a kind in id order, by default only the pairs still pending.</summary>
    /// <param name="kind">Person or company.</param>
    /// <param name="status">The status to list; null lists every review.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    IAsyncEnumerable<MatchReview> ListReviewsAsync(EntityKind kind, ReviewStatus? status = ReviewStatus.Pending, CancellationToken cancellationToken = default);

    /// <summary>Accepts a queued pair: the profiles holding its two records are merged (recorded with the pair's probability, so the merge explains and undoes like any other).</summary>
    /// <returns>The review as decided.</returns>
    /// <exception cref="KeyNotFoundException">There is no review with the id.</exception>
    /// <exception cref="InvalidOperationException">The review was already decided, or an undone merge keeps the two profiles apart.</exception>
    Task<MatchReview> AcceptReviewAsync(long reviewId, CancellationToken cancellationToken = default);

    /// <summary>Rejects a queued pair: the two records are different entities, and probabilistic matching will not propose them again.</summary>
    /// <returns>The review as decided.</returns>
    /// <exception cref="KeyNotFoundException">There is no review with the id.</exception>
    /// <exception cref="InvalidOperationException">The review was already decided.</exception>
    Task<MatchReview> RejectReviewAsync(long reviewId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Locks a field of a profile to a value that no import, upsert or enrichment overwrites until
    /// <see cref="UnlockFieldAsync"/>. The lock is kept as a source record of kind
    /// <see cref="SourceKind.Manual"/>, so the value's provenance says it was locked.
    /// </summary>
    /// <param name="id">The profile (a merged id locks its survivor).</param>
    /// <param name="field">A catalog field of the profile's kind.</param>
    /// <param name="value">The value to lock, of the field's type; null locks the current value.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <returns>The profile after the lock.</returns>
    /// <exception cref="KeyNotFoundException">No profile ever had the id.</exception>
    /// <exception cref="ArgumentException">The field is not in the catalog, or the value is empty or of another type.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="value"/> is null and the field has no current value.</exception>
    Task<Profile> LockFieldAsync(ProfileId id, string field, FieldValue? value = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the lock on a field; its value is derived from the sources again.</summary>
    /// <returns>The profile after the change.</returns>
    /// <exception cref="KeyNotFoundException">No profile ever had the id.</exception>
    /// <exception cref="InvalidOperationException">The field is not locked.</exception>
    Task<Profile> UnlockFieldAsync(ProfileId id, string field, CancellationToken cancellationToken = default);

    /// <summary>Explains a profile: for each of its source records, the alias that joins it to the others, and the merges behind it.</summary>
    /// <returns>The explanation, or null when no profile ever had the id (a merged id explains its survivor).</returns>
    ValueTask<MatchExplanation?> ExplainAsync(ProfileId id, CancellationToken cancellationToken = default);

    /// <summary>Explains why two source records are in one profile: the chain of aliases from one to the other.</summary>
    /// <returns>The chain (empty when both keys are the same record), or null when the records are not in one profile or no alias joins them any more.</returns>
    ValueTask<IReadOnlyList<MatchLink>?> ExplainMatchAsync(SourceRecordKey first, SourceRecordKey second, CancellationToken cancellationToken = default);

    /// <summary>Reads the field catalog of a kind, ordered by key.</summary>
    ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Reads the field catalog of a kind with each field's fill rate (counts every profile: costlier than <see cref="GetFieldsAsync"/>).</summary>
    ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the company of a person through the company links of its source records (by account
    /// record, then domain), else through the domain of a work email (never a free-mail domain).
    /// </summary>
    /// <returns>The company, or null when the person names none that is stored.</returns>
    ValueTask<Profile?> GetCompanyAsync(ProfileId personId, CancellationToken cancellationToken = default);

    /// <summary>Streams the related records of a profile, optionally of one type, ordered by key.</summary>
    IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(ProfileId id, string? type = null, CancellationToken cancellationToken = default);
}
