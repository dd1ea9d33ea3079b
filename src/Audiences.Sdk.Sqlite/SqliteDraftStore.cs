using Audiences.Sdk.Drafts;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The drafts of a <see cref="SqliteStore"/>, apart from its profiles: a draft row and one row per record, in the order
/// found, each write in a short transaction of its own.
/// </summary>
internal sealed class SqliteDraftStore(SqliteStore store) : IDraftStore
{
    /// <inheritdoc />
    public ValueTask<Draft> CreateAsync(Draft draft, IReadOnlyList<SourceRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(records);
        return ValueTask.FromResult(store.Write((connection, transaction) => DraftWrites.Create(connection, transaction, draft, records), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<Draft?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(scope => DraftQueries.Draft(scope.Connection, scope.Transaction, id), cancellationToken));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Draft>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<Draft>>(store.Read(scope => DraftQueries.Drafts(scope.Connection, scope.Transaction), cancellationToken));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SourceRecord>> ListRecordsAsync(long id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<SourceRecord>>(store.Read(scope => DraftQueries.Records(scope.Connection, scope.Transaction, id), cancellationToken)
            ?? throw new KeyNotFoundException($"There is no draft {id}."));

    /// <inheritdoc />
    public ValueTask<Draft> DecideAsync(long id, DraftStatus status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (status is not (DraftStatus.Committed or DraftStatus.Discarded))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A draft is decided committed or discarded.");
        }

        return ValueTask.FromResult(store.Write((connection, transaction) => DraftWrites.Decide(connection, transaction, id, status, at), cancellationToken));
    }
}
