using Audiences.Sdk.Profiles;
namespace Audiences.Sdk.Signals;

/// <summary>
/// The run history of signals, and how far each record has been checked by each signal, by signal name. Runs and
/// checks are keyed by the name, not the definition, so they survive edits of it.
/// </summary>
/// <remarks>
/// Thread-safe; each call stands alone. Signal names compare ordinally, ignoring case. Every implementation must pass
/// <c>SignalRunStoreSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface ISignalRunStore
{
    /// <summary>Records the start of a run.</summary>
    /// <param name="run">The run, with <see cref="SignalRun.Id"/> 0.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run with its id, larger than every earlier run's; ids are never handed out again.</returns>
    ValueTask<SignalRun> StartRunAsync(SignalRun run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records how a started run ended (its status, counts, credits and errors); what identifies it (signal, trigger,
    /// start) stays as started. A run no longer running keeps its record: the call changes nothing.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No run with the id was started.</exception>
    ValueTask FinishRunAsync(SignalRun run, CancellationToken cancellationToken = default);

    /// <summary>Reads a run by id.</summary>
    /// <returns>The run, or null when none has the id.</returns>
    ValueTask<SignalRun?> GetRunAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads a signal's runs (its name in any case), newest first.</summary>
    /// <param name="signal">The signal's name.</param>
    /// <param name="limit">The most runs to read; at least 1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<SignalRun>> ListRunsAsync(string signal, int limit, CancellationToken cancellationToken = default);

    /// <summary>Reads how far the signal has checked each of <paramref name="profiles"/>.</summary>
    /// <returns>The time each profile was checked up to; profiles never checked are left out.</returns>
    ValueTask<IReadOnlyDictionary<ProfileId, DateTimeOffset>> FindChecksAsync(string signal, IReadOnlyCollection<ProfileId> profiles, CancellationToken cancellationToken = default);

    /// <summary>Records that the signal checked <paramref name="profiles"/> up to <paramref name="checkedUntil"/>, replacing what was recorded for them.</summary>
    ValueTask RecordChecksAsync(string signal, IReadOnlyCollection<ProfileId> profiles, DateTimeOffset checkedUntil, CancellationToken cancellationToken = default);
}
