using System.Globalization;
using Audiences.Sdk.Exports;

namespace Audiences.Sdk.InMemory;

/// <summary>The export runs and checkpoints of an <see cref="InMemoryStore"/>, written under the store's lock, so starting a run is atomic.</summary>
internal sealed class InMemoryExportRunStore(InMemoryStore store) : IExportRunStore
{
    public ValueTask<ExportRun?> TryStartRunAsync(ExportRun run, DateTimeOffset staleBefore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Export, nameof(run));
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state =>
        {
            var running = state.ExportRuns.Values
                .Where(r => r.Status == ExportRunStatus.Running && string.Equals(r.Export, run.Export, StringComparison.OrdinalIgnoreCase))
                .ToArray();
            if (running.Any(r => r.StartedAt >= staleBefore))
            {
                return null;
            }

            // Runs this old are taken for dead (their process stopped without finishing them): failed, so they no longer block.
            foreach (var stale in running)
            {
                state.ExportRuns[stale.Id] = stale with
                {
                    Status = ExportRunStatus.Failed,
                    FinishedAt = run.StartedAt.ToUniversalTime(),
                    Failure = Abandoned(stale, staleBefore),
                };
            }

            // Kept in UTC, as a persistent store keeps it: the same instant reads back in either store.
            var started = run with
            {
                Id = ++state.LastExportRunId,
                StartedAt = run.StartedAt.ToUniversalTime(),
                FinishedAt = run.FinishedAt?.ToUniversalTime(),
            };
            state.ExportRuns.Add(started.Id, started);
            return started;
        }));
    }

    public ValueTask FinishRunAsync(ExportRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            var started = state.ExportRuns.GetValueOrDefault(run.Id)
                ?? throw new KeyNotFoundException($"No export run {run.Id} was started; start a run with TryStartRunAsync before finishing it.");
            if (started.Status != ExportRunStatus.Running)
            {
                // Finished already, or taken over as stale: the first record of how it ended stands.
                return false;
            }

            // What identifies the run stays as started; the rest is how it ended.
            state.ExportRuns[run.Id] = run with
            {
                Export = started.Export,
                Trigger = started.Trigger,
                StartedAt = started.StartedAt,
                FinishedAt = run.FinishedAt?.ToUniversalTime(),
            };
            return true;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ExportRun>> ListRunsAsync(string exportName, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<ExportRun>>(store.Read(state => state.ExportRuns.Values
            .Reverse()
            .Where(r => string.Equals(r.Export, exportName, StringComparison.OrdinalIgnoreCase))
            .Take(limit)
            .ToArray()));
    }

    public ValueTask<ExportCheckpoint?> GetCheckpointAsync(string exportName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Read(state => state.ExportCheckpoints.GetValueOrDefault(exportName)));
    }

    public ValueTask SaveCheckpointAsync(ExportCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpoint.Export, nameof(checkpoint));
        ArgumentNullException.ThrowIfNull(checkpoint.Fingerprint, nameof(checkpoint));
        cancellationToken.ThrowIfCancellationRequested();
        var saved = checkpoint with { At = checkpoint.At.ToUniversalTime() };
        store.Write(state =>
        {
            // Removed first, so the key takes the new spelling of the name.
            state.ExportCheckpoints.Remove(saved.Export);
            state.ExportCheckpoints.Add(saved.Export, saved);
            return true;
        });
        return ValueTask.CompletedTask;
    }

    private static string Abandoned(ExportRun stale, DateTimeOffset staleBefore) => string.Create(
        CultureInfo.InvariantCulture,
        $"Abandoned: still marked running since {stale.StartedAt.ToUniversalTime():O}, before {staleBefore.ToUniversalTime():O}; taken for dead when a later run started.");
}
