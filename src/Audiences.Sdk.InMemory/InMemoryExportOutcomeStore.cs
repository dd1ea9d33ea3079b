using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The export outcome ledger of an <see cref="InMemoryStore"/>: each run's outcomes in the order recorded, and the
/// records whose last write failed, both changed in one write under the store's lock.
/// </summary>
internal sealed class InMemoryExportOutcomeStore(InMemoryStore store) : IExportOutcomeStore
{
    public ValueTask RecordAsync(string exportName, long run, IReadOnlyList<ExportOutcome> outcomes, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exportName);
        Check(outcomes);
        cancellationToken.ThrowIfCancellationRequested();
        if (outcomes.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        // Kept in UTC, as a persistent store keeps it: the same instant reads back in either store.
        var recorded = outcomes.Select(o => o with { RetryAt = o.RetryAt?.ToUniversalTime() }).ToArray();
        var when = at.ToUniversalTime();
        store.Write(state =>
        {
            if (!state.ExportOutcomes.TryGetValue(exportName, out var runs))
            {
                runs = [];
                state.ExportOutcomes.Add(exportName, runs);
            }

            if (!runs.TryGetValue(run, out var list))
            {
                list = [];
                runs.Add(run, list);
            }

            list.AddRange(recorded);
            if (!state.ExportFailures.TryGetValue(exportName, out var failures))
            {
                failures = [];
                state.ExportFailures.Add(exportName, failures);
            }

            foreach (var outcome in recorded)
            {
                if (outcome.Kind == ExportOutcomeKind.Failed)
                {
                    failures[outcome.Profile] = new ExportFailure(outcome.Profile, outcome.Key, outcome.Reason!, outcome.Attempt, when, outcome.RetryAt);
                }
                else
                {
                    failures.Remove(outcome.Profile);
                }
            }

            return true;
        });
        return ValueTask.CompletedTask;
    }

    public IAsyncEnumerable<ExportOutcome> ListOutcomesAsync(string exportName, long run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        return Snapshot.StreamAsync(
            store.Read(state => state.ExportOutcomes.TryGetValue(exportName, out var runs) && runs.TryGetValue(run, out var list) ? list.ToArray() : []),
            cancellationToken);
    }

    public ValueTask<IReadOnlyList<ExportFailure>> ListFailuresAsync(string exportName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<ExportFailure>>(store.Read(state =>
            state.ExportFailures.TryGetValue(exportName, out var failures) ? failures.Values.ToArray() : []));
    }

    /// <summary>Refuses the whole call before anything is stored: a null outcome, a failure without a reason, or a profile twice.</summary>
    /// <exception cref="ArgumentException">An outcome is refused; the message says which and why.</exception>
    private static void Check(IReadOnlyList<ExportOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var seen = new HashSet<ProfileId>();
        foreach (var outcome in outcomes)
        {
            if (outcome is null)
            {
                throw new ArgumentException("Every outcome is set.", nameof(outcomes));
            }

            if (outcome.Kind == ExportOutcomeKind.Failed && string.IsNullOrWhiteSpace(outcome.Reason))
            {
                throw new ArgumentException($"The failed outcome of profile {outcome.Profile} has no reason; a failure keeps the destination's reason.", nameof(outcomes));
            }

            if (!seen.Add(outcome.Profile))
            {
                throw new ArgumentException($"Profile {outcome.Profile} has two outcomes in one call; record at most one per profile.", nameof(outcomes));
            }
        }
    }
}
