using Audiences.Sdk.Sources;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The sync cursors and run history of an <see cref="InMemoryStore"/>. A cursor joins the write session and reaches
/// the state when the session commits; runs are written under the store's lock, so starting one is atomic.
/// </summary>
internal sealed class InMemorySyncStateStore(InMemoryStore store) : ISyncStateStore
{
    public ValueTask<string?> GetCursorAsync(string sync, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sync);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Read(state => state.SyncCursors.GetValueOrDefault(sync)));
    }

    public ValueTask SaveCursorAsync(IProfileWriteSession session, string sync, string? cursor, CancellationToken cancellationToken = default)
    {
        var own = store.SessionOf(session);
        cancellationToken.ThrowIfCancellationRequested();
        own.SaveSyncCursor(sync, cursor);
        return ValueTask.CompletedTask;
    }

    public ValueTask<SyncRun?> TryStartRunAsync(SyncRun run, DateTimeOffset staleBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state =>
        {
            var running = state.SyncRuns.Values
                .Where(r => r.Status == SyncRunStatus.Running && string.Equals(r.Sync, run.Sync, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (running.Exists(r => r.StartedAt >= staleBefore))
            {
                return null;
            }

            var started = run with { Id = ++state.LastSyncRunId, Errors = [.. run.Errors] };
            foreach (var abandoned in running)
            {
                state.SyncRuns[abandoned.Id] = abandoned.AbandonedBy(started, staleBefore);
            }

            state.SyncRuns.Add(started.Id, started);
            return started;
        }));
    }

    public ValueTask FinishRunAsync(SyncRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            var started = state.SyncRuns.GetValueOrDefault(run.Id)
                ?? throw new KeyNotFoundException($"No sync run {run.Id} was started; start a run with TryStartRunAsync before finishing it.");
            if (started.Status != SyncRunStatus.Running)
            {
                // Taken over as abandoned (or finished already): the record stays as it is.
                return false;
            }

            // What identifies the run stays as started; the rest is how it ended.
            state.SyncRuns[run.Id] = run with
            {
                Sync = started.Sync,
                Mode = started.Mode,
                Trigger = started.Trigger,
                StartedAt = started.StartedAt,
                Errors = [.. run.Errors],
            };
            return true;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<SyncRun>> ListRunsAsync(string sync, int limit, SourceReadMode? mode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<SyncRun>>(store.Read(state => state.SyncRuns.Values
            .Reverse()
            .Where(r => string.Equals(r.Sync, sync, StringComparison.OrdinalIgnoreCase) && (mode is null || r.Mode == mode))
            .Take(limit)
            .ToArray()));
    }

    public ValueTask DeleteAsync(string sync, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sync);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            state.SyncCursors.Remove(sync);
            foreach (var id in state.SyncRuns.Values.Where(r => string.Equals(r.Sync, sync, StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).ToList())
            {
                state.SyncRuns.Remove(id);
            }

            return true;
        });
        return ValueTask.CompletedTask;
    }
}
