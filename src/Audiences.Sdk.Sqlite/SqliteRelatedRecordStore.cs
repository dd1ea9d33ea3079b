using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

/// <summary>The related records of a <see cref="SqliteStore"/>, kept by key with their owner references.</summary>
internal sealed class SqliteRelatedRecordStore(SqliteStore store) : IRelatedRecordStore
{
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
        foreach (var record in store.Read(scope => LedgerQueries.Related(scope, ownerKind, ownerRecords, ownerAliases), cancellationToken))
        {
            yield return record;
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
            var (page, last) = store.Read(scope => LedgerQueries.RelatedOfType(scope, ownerKind, type, after), cancellationToken);
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
    public ValueTask UpsertRelatedRecordAsync(IProfileWriteSession session, RelatedRecord record, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).UpsertRelatedRecord(record, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
