using System.Runtime.CompilerServices;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

/// <summary>Filters of a <see cref="SqliteStore"/>, translated to one parameterized statement over <c>profile_values</c>.</summary>
internal sealed class SqliteProfileQueries(SqliteStore store) : IProfileQueryStore
{
    /// <inheritdoc />
    /// <remarks>The filter runs as one parameterized statement over <c>profile_values</c>.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<long> CountProfilesAsync(BoundFilter filter, CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter);
        var sql = FilterSql.Translate(filter.Filter, store.Time.GetUtcNow());
        return ValueTask.FromResult(store.Read(scope => FilteredQueries.Count(scope, filter.Kind, sql), cancellationToken));
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
        var sql = FilterSql.Translate(filter.Filter, store.Time.GetUtcNow());
        var after = afterId?.Value ?? long.MinValue;
        var left = limit ?? int.MaxValue;
        while (left > 0)
        {
            var size = Math.Min(left, FilteredQueries.PageSize);
            var page = store.Read(scope => FilteredQueries.Page(scope, filter.Kind, sql, after, size), cancellationToken);
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
    /// <remarks>The ids come from one snapshot, read in one query.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<ProfileId> ListProfileIdsAsync(BoundFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter);
        await Task.CompletedTask.ConfigureAwait(false);
        var sql = FilterSql.Translate(filter.Filter, store.Time.GetUtcNow());
        foreach (var id in store.Read(scope => FilteredQueries.Ids(scope, filter.Kind, sql), cancellationToken))
        {
            yield return new ProfileId(id);
        }
    }
}
