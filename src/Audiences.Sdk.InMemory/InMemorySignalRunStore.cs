using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.InMemory;

/// <summary>The signal run history and per-record checks of an <see cref="InMemoryStore"/>, written under the store's lock.</summary>
internal sealed class InMemorySignalRunStore(InMemoryStore store) : ISignalRunStore
{
    public ValueTask<SignalRun> StartRunAsync(SignalRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.Signal, nameof(run));
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state =>
        {
            var started = run with { Id = ++state.LastSignalRunId, Errors = [.. run.Errors] };
            state.SignalRuns.Add(started.Id, started);
            return started;
        }));
    }

    public ValueTask FinishRunAsync(SignalRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            var started = state.SignalRuns.GetValueOrDefault(run.Id)
                ?? throw new KeyNotFoundException($"No signal run {run.Id} was started; start a run with StartRunAsync before finishing it.");
            if (started.Status != SignalRunStatus.Running)
            {
                // Finished already: the first record of how it ended stands.
                return false;
            }

            // What identifies the run stays as started; the rest is how it ended.
            state.SignalRuns[run.Id] = run with
            {
                Signal = started.Signal,
                Trigger = started.Trigger,
                StartedAt = started.StartedAt,
                Errors = [.. run.Errors],
            };
            return true;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<SignalRun?> GetRunAsync(long id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Read(state => state.SignalRuns.GetValueOrDefault(id)));
    }

    public ValueTask<IReadOnlyList<SignalRun>> ListRunsAsync(string signal, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<SignalRun>>(store.Read(state => state.SignalRuns.Values
            .Reverse()
            .Where(r => string.Equals(r.Signal, signal, StringComparison.OrdinalIgnoreCase))
            .Take(limit)
            .ToArray()));
    }

    public ValueTask<IReadOnlyDictionary<ProfileId, DateTimeOffset>> FindChecksAsync(
        string signal, IReadOnlyCollection<ProfileId> profiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(profiles);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyDictionary<ProfileId, DateTimeOffset>>(store.Read(state =>
        {
            var found = new Dictionary<ProfileId, DateTimeOffset>();
            if (state.SignalChecks.TryGetValue(signal, out var checks))
            {
                foreach (var profile in profiles)
                {
                    if (checks.TryGetValue(profile, out var until))
                    {
                        found[profile] = until;
                    }
                }
            }

            return found;
        }));
    }

    public ValueTask RecordChecksAsync(
        string signal, IReadOnlyCollection<ProfileId> profiles, DateTimeOffset checkedUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        ArgumentNullException.ThrowIfNull(profiles);
        cancellationToken.ThrowIfCancellationRequested();
        if (profiles.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        // Kept in UTC, as a persistent store keeps it: the same instant reads back in either store.
        var until = checkedUntil.ToUniversalTime();
        store.Write(state =>
        {
            if (!state.SignalChecks.TryGetValue(signal, out var checks))
            {
                checks = [];
                state.SignalChecks.Add(signal, checks);
            }

            foreach (var profile in profiles)
            {
                checks[profile] = until;
            }

            return true;
        });
        return ValueTask.CompletedTask;
    }
}
