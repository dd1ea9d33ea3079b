using Audiences.Sdk.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Audiences.Sdk.Scheduling;

/// <summary>
/// Runs syncs when they fall due, until stopped: what a hosted service calls from its <c>ExecuteAsync</c>. It runs every
/// due sync, then sleeps until the next one falls due (at most <see cref="SyncOptions.PollInterval"/>, so syncs added
/// by another process are seen), on the <see cref="TimeProvider"/> it is given, so tests drive it with a fake clock.
/// </summary>
/// <remarks>One loop per process is enough: runs of one sync never overlap, across processes too.</remarks>
public sealed class SyncScheduler
{
    private readonly DueWorkLoop<SyncRun> _loop;

    /// <summary>Creates the scheduler. Hosts resolve it from <c>AddAudiences(...)</c>.</summary>
    /// <param name="syncs">The syncs to run.</param>
    /// <param name="pollInterval">The longest sleep between looks for due syncs; see <see cref="SyncOptions.PollInterval"/>.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="syncs"/> or <paramref name="time"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pollInterval"/> is not positive.</exception>
    public SyncScheduler(ISyncService syncs, TimeSpan pollInterval, TimeProvider time, ILogger<SyncScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(syncs);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        _loop = new DueWorkLoop<SyncRun>(
            syncs.RunDueAsync, syncs.GetNextDueAsync, run => $"run {run.Id} of sync {run.Sync}", pollInterval, time, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>Runs due syncs until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="afterRun">Called after each run (e.g. to bring audience membership up to date); may be null. Its failure is logged and the loop goes on.</param>
    /// <param name="cancellationToken">Stops the loop; a run in progress stops between batches and is recorded as failed.</param>
    /// <returns>A task that ends when the loop is stopped (cancelled).</returns>
    /// <exception cref="OperationCanceledException">The loop was stopped.</exception>
    public Task RunAsync(Func<SyncRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default) =>
        _loop.RunAsync(afterRun, cancellationToken);

    /// <summary>Runs the syncs due now once, calling <paramref name="afterRun"/> after each, before the next starts.</summary>
    /// <returns>The runs.</returns>
    public Task<IReadOnlyList<SyncRun>> RunDueAsync(Func<SyncRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default) =>
        _loop.RunDueAsync(afterRun, cancellationToken);
}
