using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>The enrichment run history of a <see cref="SqliteStore"/>, written in short transactions of their own.</summary>
internal sealed class SqliteEnrichmentRunStore(SqliteStore store) : IEnrichmentRunStore
{
    /// <inheritdoc />
    public ValueTask<EnrichmentRun> StartRunAsync(EnrichmentRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Enrichment, nameof(run));
        return ValueTask.FromResult(store.Write((connection, transaction) => EnrichmentWrites.StartRun(connection, transaction, run), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask FinishRunAsync(EnrichmentRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        store.Write((connection, transaction) =>
        {
            EnrichmentWrites.FinishRun(connection, transaction, run);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<EnrichmentRun?> GetRunAsync(long id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(scope => EnrichmentQueries.Run(scope.Connection, scope.Transaction, id), cancellationToken));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<EnrichmentRun>> ListRunsAsync(string enrichment, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrichment);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ValueTask.FromResult<IReadOnlyList<EnrichmentRun>>(
            store.Read(scope => EnrichmentQueries.Runs(scope.Connection, scope.Transaction, enrichment, limit), cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteRunsAsync(string enrichment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrichment);
        return ValueTask.FromResult(store.Write((connection, transaction) => EnrichmentWrites.DeleteRuns(connection, transaction, enrichment), cancellationToken));
    }
}
