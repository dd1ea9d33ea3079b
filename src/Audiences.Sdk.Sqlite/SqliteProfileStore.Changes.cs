using System.Runtime.CompilerServices;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Storage;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

// Change detection, and the database handle the audience store shares.
public sealed partial class SqliteProfileStore
{
    /// <summary>The database file, shared with the <see cref="SqliteAudienceStore"/> opened over this store.</summary>
    internal SqliteDatabase Database => _database;

    /// <inheritdoc />
    /// <remarks>Live profiles are read a page at a time by the version index; retirements come from the merge ledger.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<ProfileChange> ListChangedProfilesAsync(long sinceVersion, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);

        // Read before the live pages: an id restored (merge undone) meanwhile is then found live and
        // reported once, as live.
        var retired = Read(scope => ChangeQueries.Retired(scope, sinceVersion), cancellationToken);
        var seen = new HashSet<long>();
        (long Version, long Id) after = (sinceVersion, long.MaxValue);
        while (true)
        {
            var page = Read(scope => ChangeQueries.LivePage(scope, after.Version, after.Id), cancellationToken);
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
