using Audiences.Sdk.Enrichment;

namespace Audiences.Sdk.InMemory;

/// <summary>The enrichment run history of an <see cref="InMemoryStore"/>, written under the store's lock.</summary>
internal sealed class InMemoryEnrichmentRunStore(InMemoryStore store) : IEnrichmentRunStore
{
    public ValueTask<EnrichmentRun> StartRunAsync(EnrichmentRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Enrichment, nameof(run));
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state =>
        {
            var started = run with { Id = ++state.LastEnrichmentRunId, Errors = [.. run.Errors], Warnings = [.. run.Warnings] };
            state.EnrichmentRuns.Add(started.Id, started);
            return started;
        }));
    }

    public ValueTask FinishRunAsync(EnrichmentRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            var started = state.EnrichmentRuns.GetValueOrDefault(run.Id)
                ?? throw new KeyNotFoundException($"No enrichment run {run.Id} was started; start a run with StartRunAsync before finishing it.");
            if (started.Status != EnrichmentRunStatus.Running)
            {
                // Finished already: the first record of how it ended stands.
                return false;
            }

            // What identifies the run stays as started; the rest is how it ended.
            state.EnrichmentRuns[run.Id] = run with
            {
                Enrichment = started.Enrichment,
                Trigger = started.Trigger,
                StartedAt = started.StartedAt,
                Errors = [.. run.Errors],
                Warnings = [.. run.Warnings],
            };
            return true;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<EnrichmentRun?> GetRunAsync(long id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Read(state => state.EnrichmentRuns.GetValueOrDefault(id)));
    }

    public ValueTask<IReadOnlyList<EnrichmentRun>> ListRunsAsync(string enrichment, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrichment);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<EnrichmentRun>>(store.Read(state => state.EnrichmentRuns.Values
            .Reverse()
            .Where(r => string.Equals(r.Enrichment, enrichment, StringComparison.OrdinalIgnoreCase))
            .Take(limit)
            .ToArray()));
    }

    public ValueTask<int> DeleteRunsAsync(string enrichment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrichment);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state =>
        {
            var ids = state.EnrichmentRuns.Values
                .Where(r => string.Equals(r.Enrichment, enrichment, StringComparison.OrdinalIgnoreCase))
                .Select(r => r.Id)
                .ToHashSet();
            foreach (var id in ids)
            {
                state.EnrichmentRuns.Remove(id);
            }

            state.EnrichmentOutputs.RemoveAll(o => ids.Contains(o.RunId));
            return ids.Count;
        }));
    }
}
