using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

/// <summary>The merge and split ledgers of a <see cref="SqliteStore"/>.</summary>
internal sealed class SqliteMergeLedger(SqliteStore store) : IMergeLedger
{
    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        (long Version, long Row) after = (0, 0);
        while (true)
        {
            var page = store.Read(scope => LedgerQueries.MergePage(scope, kind, after.Version, after.Row), cancellationToken);
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
        foreach (var split in store.Read(scope => LedgerQueries.Splits(scope, kind), cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return split;
        }
    }

    /// <inheritdoc />
    public ValueTask AppendMergeAsync(IProfileWriteSession session, MergeRecord merge, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).AppendMerge(merge, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AppendSplitAsync(IProfileWriteSession session, SplitRecord split, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).AppendSplit(split, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
