using System.Runtime.CompilerServices;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The external ids of the source records of a <see cref="SqliteStore"/>, per source object: read from the unique
/// index <c>source_records_by_key</c> a page at a time, each page in one committed snapshot.
/// </summary>
internal sealed class SqliteSourceRecordIndex(SqliteStore store) : ISourceRecordIndex
{
    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<string> ListExternalIdsAsync(string source, string objectName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(objectName);
        await Task.CompletedTask.ConfigureAwait(false);

        // The index holds the ids in the order of their UTF-8 bytes; OrdinalOrder makes it the UTF-16 order .NET compares in.
        var order = new OrdinalOrder();
        var ready = new List<string>();
        string? after = null;
        while (true)
        {
            var page = store.Read(scope => ExternalIdQueries.Page(scope, source, objectName, after), cancellationToken);
            foreach (var id in page)
            {
                order.Add(id, ready);
            }

            var last = page.Count < ExternalIdQueries.PageSize;
            if (last)
            {
                order.Flush(ready);
            }

            foreach (var id in ready)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return id;
            }

            if (last)
            {
                yield break;
            }

            ready.Clear();
            after = page[^1];
        }
    }
}
