namespace Audiences.Sdk.Exports;

/// <summary>The runs of each export and its checkpoint: where its last successful run read up to.</summary>
/// <remarks>
/// Thread-safe. <see cref="TryStartRunAsync"/> is atomic, so two processes never run one export at once. Export names
/// are compared ignoring case. Every implementation must pass <c>ExportRunStoreSpecification</c> in
/// <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IExportRunStore
{
    /// <summary>
    /// Records the start of a run unless another run of the same export is still running and started after
    /// <paramref name="staleBefore"/> (an older one is taken for dead and marked failed).
    /// </summary>
    /// <param name="run">The run, with <see cref="ExportRun.Id"/> 0.</param>
    /// <param name="staleBefore">Runs still marked running that started before this are failed and ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run with its id, or null when another run of the export is running.</returns>
    ValueTask<ExportRun?> TryStartRunAsync(ExportRun run, DateTimeOffset staleBefore, CancellationToken cancellationToken = default);

    /// <summary>Records how a started run ended. A run no longer running (taken over as stale, or finished) keeps its record.</summary>
    /// <param name="run">The run with its final status, counts and finish time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="KeyNotFoundException">No run with the id was started.</exception>
    ValueTask FinishRunAsync(ExportRun run, CancellationToken cancellationToken = default);

    /// <summary>Reads an export's runs, newest first.</summary>
    /// <param name="exportName">The export's name.</param>
    /// <param name="limit">The most runs to return, at least 1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IReadOnlyList<ExportRun>> ListRunsAsync(string exportName, int limit, CancellationToken cancellationToken = default);

    /// <summary>Reads an export's checkpoint.</summary>
    /// <param name="exportName">The export's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checkpoint, or null before its first successful run.</returns>
    ValueTask<ExportCheckpoint?> GetCheckpointAsync(string exportName, CancellationToken cancellationToken = default);

    /// <summary>Stores an export's checkpoint, replacing the one it had.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask SaveCheckpointAsync(ExportCheckpoint checkpoint, CancellationToken cancellationToken = default);
}
