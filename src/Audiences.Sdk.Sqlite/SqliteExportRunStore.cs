using Audiences.Sdk.Exports;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The export runs and checkpoints of a <see cref="SqliteStore"/>, written in short transactions of their own; a run
/// starts in a <c>BEGIN IMMEDIATE</c> transaction, so two processes never run one export at once.
/// </summary>
internal sealed class SqliteExportRunStore(SqliteStore store) : IExportRunStore
{
    /// <inheritdoc />
    public ValueTask<ExportRun?> TryStartRunAsync(ExportRun run, DateTimeOffset staleBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Export, nameof(run));
        return ValueTask.FromResult(store.Write((connection, transaction) => ExportWrites.TryStartRun(connection, transaction, run, staleBefore), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask FinishRunAsync(ExportRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        store.Write((connection, transaction) =>
        {
            ExportWrites.FinishRun(connection, transaction, run);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ExportRun>> ListRunsAsync(string exportName, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ValueTask.FromResult<IReadOnlyList<ExportRun>>(
            store.Read(scope => ExportQueries.Runs(scope.Connection, scope.Transaction, exportName, limit), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<ExportCheckpoint?> GetCheckpointAsync(string exportName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        return ValueTask.FromResult(store.Read(scope => ExportQueries.Checkpoint(scope.Connection, scope.Transaction, exportName), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask SaveCheckpointAsync(ExportCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpoint.Export, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(checkpoint.Fingerprint, nameof(checkpoint));
        store.Write((connection, transaction) =>
        {
            ExportWrites.SaveCheckpoint(connection, transaction, checkpoint);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
