using Audiences.Sdk.Sources;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The sync cursors and run history of a <see cref="SqliteStore"/>. A cursor is written in the transaction of the
/// write session it is saved in; runs are written in short <c>BEGIN IMMEDIATE</c> transactions of their own, so a
/// start is atomic across the processes sharing the file.
/// </summary>
internal sealed class SqliteSyncStateStore(SqliteStore store) : ISyncStateStore
{
    /// <inheritdoc />
    public ValueTask<string?> GetCursorAsync(string sync, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return ValueTask.FromResult(store.Read(scope => SyncQueries.Cursor(scope.Connection, scope.Transaction, sync), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask SaveCursorAsync(IProfileWriteSession session, string sync, string? cursor, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).SaveSyncCursor(sync, cursor, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<SyncRun?> TryStartRunAsync(SyncRun run, DateTimeOffset staleBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ValueTask.FromResult(store.Write((connection, transaction) => SyncWrites.TryStartRun(connection, transaction, run, staleBefore), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask FinishRunAsync(SyncRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        store.Write((connection, transaction) =>
        {
            SyncWrites.FinishRun(connection, transaction, run);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SyncRun>> ListRunsAsync(string sync, int limit, SourceReadMode? mode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ValueTask.FromResult<IReadOnlyList<SyncRun>>(store.Read(scope => SyncQueries.Runs(scope.Connection, scope.Transaction, sync, limit, mode), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask DeleteAsync(string sync, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sync);
        store.Write((connection, transaction) =>
        {
            SyncWrites.Delete(connection, transaction, sync);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
