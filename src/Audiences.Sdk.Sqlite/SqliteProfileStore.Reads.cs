using System.Runtime.CompilerServices;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

// The read side of the store: each read takes a pooled connection and one committed snapshot.
// SQLite's reads are synchronous, so the streams read a page at a time without awaiting I/O.
public sealed partial class SqliteProfileStore
{
    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(scope => scope.Profiles.Resolve(id.Value) is { } live ? new ProfileId(live) : (ProfileId?)null, cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(scope => scope.Profiles.Resolve(id.Value) is { } live ? scope.Profiles.Load(live) : null, cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(
            scope => scope.Profiles.FindAliasOwners(kind, aliasKey, limit: 1) is [var owner] ? scope.Profiles.Load(owner.Value) : null,
            cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(
            scope => scope.Profiles.FindSourceOwner(key) is { } owner && scope.Profiles.Resolve(owner) is { } live ? scope.Profiles.Load(live) : null,
            cancellationToken));

    /// <inheritdoc />
    /// <remarks>Profiles are read in pages of a few hundred, each from the snapshot committed when the page is read.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        long after = 0;
        while (true)
        {
            var page = Read(scope => ProfilePages.Read(scope, kind, after), cancellationToken);
            foreach (var profile in page)
            {
                yield return profile;
            }

            if (page.Count < ProfilePages.Size)
            {
                yield break;
            }

            after = page[^1].Id.Value;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(scope => LedgerQueries.CountProfiles(scope, kind), cancellationToken));

    /// <inheritdoc />
    /// <remarks>The filter runs as one parameterized statement over <c>profile_values</c>.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<long> CountProfilesAsync(BoundFilter filter, CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter);
        var sql = FilterSql.Translate(filter.Filter, _timeProvider.GetUtcNow());
        return ValueTask.FromResult(Read(scope => FilteredQueries.Count(scope, filter.Kind, sql), cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Profiles are read in pages of a few hundred, each from the snapshot committed when the page is
    /// read; "now" is read once for the whole listing.
    /// </remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<Profile> ListProfilesAsync(
        BoundFilter filter,
        ProfileId? afterId = null,
        int? limit = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter, limit);
        await Task.CompletedTask.ConfigureAwait(false);
        var sql = FilterSql.Translate(filter.Filter, _timeProvider.GetUtcNow());
        var after = afterId?.Value ?? long.MinValue;
        var left = limit ?? int.MaxValue;
        while (left > 0)
        {
            var size = Math.Min(left, FilteredQueries.PageSize);
            var page = Read(scope => FilteredQueries.Page(scope, filter.Kind, sql, after, size), cancellationToken);
            foreach (var profile in page)
            {
                yield return profile;
            }

            if (page.Count < size)
            {
                yield break;
            }

            left -= page.Count;
            after = page[^1].Id.Value;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        (long Version, long Row) after = (0, 0);
        while (true)
        {
            var page = Read(scope => LedgerQueries.MergePage(scope, kind, after.Version, after.Row), cancellationToken);
            foreach (var (merge, _) in page)
            {
                yield return merge;
            }

            if (page.Count < LedgerQueries.MergePageSize)
            {
                yield break;
            }

            after = (page[^1].Merge.Version, page[^1].Row);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var split in Read(scope => LedgerQueries.Splits(scope, kind), cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return split;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<MatchReview> ListReviewsAsync(
        EntityKind kind, ReviewStatus? status = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var after = 0L;
        while (true)
        {
            var page = Read(scope => LedgerQueries.ReviewPage(scope, kind, status, after), cancellationToken);
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
        ValueTask.FromResult(Read(scope => LedgerQueries.Review(scope, id), cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<FieldDefinition>>(Read(scope => LedgerQueries.Fields(scope, kind), cancellationToken));

    /// <inheritdoc />
    /// <remarks>Counting reads every profile of the kind once.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<FieldStatistics>>(Read(
            scope =>
            {
                var total = LedgerQueries.CountProfiles(scope, kind);
                var filled = LedgerQueries.FilledCounts(scope, kind);
                return LedgerQueries.Fields(scope, kind)
                    .Select(field => new FieldStatistics(field, filled.GetValueOrDefault(field.Key), total))
                    .ToList();
            },
            cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="ownerRecords"/> or <paramref name="ownerAliases"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind,
        IReadOnlyCollection<SourceRecordKey> ownerRecords,
        IReadOnlyCollection<AliasKey> ownerAliases,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerRecords);
        ArgumentNullException.ThrowIfNull(ownerAliases);
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var record in Read(scope => LedgerQueries.Related(scope, ownerKind, ownerRecords, ownerAliases), cancellationToken))
        {
            yield return record;
        }
    }

    /// <inheritdoc />
    /// <remarks>The ids come from one snapshot, read in one query.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<ProfileId> ListProfileIdsAsync(BoundFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter);
        await Task.CompletedTask.ConfigureAwait(false);
        var sql = FilterSql.Translate(filter.Filter, _timeProvider.GetUtcNow());
        foreach (var id in Read(scope => FilteredQueries.Ids(scope, filter.Kind, sql), cancellationToken))
        {
            yield return new ProfileId(id);
        }
    }

    /// <inheritdoc />
    /// <remarks>Records are read in pages, each from the snapshot committed when the page is read.</remarks>
    /// <exception cref="ArgumentException"><paramref name="type"/> is blank.</exception>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind, string type, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        await Task.CompletedTask.ConfigureAwait(false);
        long after = 0;
        while (true)
        {
            var (page, last) = Read(scope => LedgerQueries.RelatedOfType(scope, ownerKind, type, after), cancellationToken);
            foreach (var record in page)
            {
                yield return record;
            }

            if (last == after)
            {
                yield break;
            }

            after = last;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(LedgerQueries.LastVersion, cancellationToken));
}
