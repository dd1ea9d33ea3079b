using Audiences.Sdk.Sources;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sync;

/// <summary>
/// The state of each sync: the cursor of the last batch it stored, and its run history. A cursor is saved in the
/// write session of the batch it follows, so a batch and its cursor are stored together or not at all: a run that
/// fails resumes after its last stored batch, repeating nothing and missing nothing.
/// </summary>
/// <remarks>
/// Thread-safety: reads run alongside the writer session; <see cref="TryStartRunAsync"/> is atomic, so two
/// processes never run one sync at once. The session passed to <see cref="SaveCursorAsync"/> is one begun by the
/// same store's <see cref="IProfileStore.BeginWriteAsync"/>, possibly decorated. Every implementation must pass
/// <c>SyncStateStoreSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface ISyncStateStore
{
    /// <summary>Reads the cursor of the last batch a sync stored.</summary>
    /// <returns>The cursor, or null before the first stored batch.</returns>
    ValueTask<string?> GetCursorAsync(string sync, CancellationToken cancellationToken = default);

    /// <summary>Saves a sync's cursor as part of <paramref name="session"/>: it is stored when the batch commits, and not otherwise.</summary>
    /// <param name="session">The open write session of the batch the cursor follows.</param>
    /// <param name="sync">The sync's name.</param>
    /// <param name="cursor">The cursor after the batch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The session was begun by another store.</exception>
    ValueTask SaveCursorAsync(IProfileWriteSession session, string sync, string? cursor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the start of a run unless another run of the same sync is still running and started after
    /// <paramref name="staleBefore"/> (an older one is taken for dead, e.g. its process was killed, and marked failed).
    /// </summary>
    /// <param name="run">The run, with <see cref="SyncRun.Id"/> 0.</param>
    /// <param name="staleBefore">Runs still marked running that started before this are failed and ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run with its id, or null when another run of the sync is running.</returns>
    ValueTask<SyncRun?> TryStartRunAsync(SyncRun run, DateTimeOffset staleBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records how a started run ended (its counts, status and cursor). A run no longer running — taken over as
    /// abandoned, or already finished — keeps its record; the call changes nothing.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No run with the id was started.</exception>
    ValueTask FinishRunAsync(SyncRun run, CancellationToken cancellationToken = default);

    /// <summary>Reads a sync's runs, newest first.</summary>
    /// <param name="sync">The sync's name.</param>
    /// <param name="limit">The most runs to read; at least 1.</param>
    /// <param name="mode">Only runs of this mode; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<SyncRun>> ListRunsAsync(string sync, int limit, SourceReadMode? mode = null, CancellationToken cancellationToken = default);

    /// <summary>Forgets a sync's cursor and runs, when the sync is removed.</summary>
    ValueTask DeleteAsync(string sync, CancellationToken cancellationToken = default);
}
