using System.Runtime.CompilerServices;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

/// <summary>Change detection over a <see cref="SqliteStore"/>: live profiles by the version index, retirements from the merge ledger.</summary>
internal sealed class SqliteChangeFeed(SqliteStore store) : IChangeFeed
{
    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(LedgerQueries.LastVersion, cancellationToken));

    /// <inheritdoc />
    /// <remarks>Live profiles are read a page at a time by the version index; retirements come from the merge ledger.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<ProfileChange> ListChangedProfilesAsync(long sinceVersion, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);

        // Read before the live pages: an id restored (merge undone) meanwhile is then found live and
        // reported once, as live.
        var retired = store.Read(scope => ChangeQueries.Retired(scope, sinceVersion), cancellationToken);
        var seen = new HashSet<long>();
        (long Version, long Id) after = (sinceVersion, long.MaxValue);
        while (true)
        {
            var page = store.Read(scope => ChangeQueries.LivePage(scope, after.Version, after.Id), cancellationToken);
            foreach (var change in page)
            {
                // A profile written again while the pages are read moves to a later page: report it once.
                if (seen.Add(change.Id.Value))
                {
                    yield return change;
                }
            }

            if (page.Count < ChangeQueries.PageSize)
            {
                break;
            }

            after = (page[^1].Version, page[^1].Id.Value);
        }

        foreach (var change in retired.Where(r => !seen.Contains(r.Id.Value)))
        {
            yield return change;
        }
    }
}
