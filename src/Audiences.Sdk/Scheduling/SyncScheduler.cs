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
    private readonly ISyncService _syncs;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger _logger;

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
        _syncs = syncs;
        _time = time;
        _pollInterval = pollInterval;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs due syncs until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="afterRun">Called after each run (e.g. to bring audience membership up to date); may be null.</param>
    /// <param name="cancellationToken">Stops the loop; a run in progress stops between batches and is recorded as failed.</param>
    /// <returns>A task that ends when the loop is stopped (cancelled).</returns>
    /// <exception cref="OperationCanceledException">The loop was stopped.</exception>
    public async Task RunAsync(Func<SyncRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunDueAsync(afterRun, cancellationToken).ConfigureAwait(false);
            await Task.Delay(await DelayAsync(cancellationToken).ConfigureAwait(false), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the syncs due now once, calling <paramref name="afterRun"/> after each, before the next starts.</summary>
    /// <returns>The runs.</returns>
    public async Task<IReadOnlyList<SyncRun>> RunDueAsync(Func<SyncRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default)
    {
        var runs = new List<SyncRun>();
        var due = _syncs.RunDueAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (due.ConfigureAwait(false))
        {
            while (await NextAsync(due, cancellationToken).ConfigureAwait(false))
            {
                runs.Add(due.Current);
                if (afterRun is not null)
                {
                    await AfterRunAsync(afterRun, due.Current, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return runs;
    }

    /// <summary>Moves to the next due run; false at the end, or when the store could not be read.</summary>
    private async Task<bool> NextAsync(IAsyncEnumerator<SyncRun> due, CancellationToken cancellationToken)
    {
        try
        {
            return await due.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A store that cannot be read now (locked, full) must not end the loop: the next look tries again.
            SchedulerLog.LookFailed(_logger, e);
            return false;
        }
    }

    /// <summary>Calls the host back; its failure (a membership refresh that could not run, say) is logged and the loop goes on.</summary>
    private async Task AfterRunAsync(Func<SyncRun, CancellationToken, Task> afterRun, SyncRun run, CancellationToken cancellationToken)
    {
        try
        {
            await afterRun(run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SchedulerLog.AfterRunFailed(_logger, run.Sync, run.Id, e);
        }
    }

    private async Task<TimeSpan> DelayAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        try
        {
            next = await _syncs.GetNextDueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SchedulerLog.LookFailed(_logger, e);
            return _pollInterval;
        }

        var wait = next is { } due ? due - _time.GetUtcNow() : _pollInterval;

        // A sync still due right after the look was skipped (its run goes on elsewhere): look again after a poll, not
        // every second for as long as that run lasts. Never sleep past the poll, so syncs saved elsewhere are seen.
        return wait <= TimeSpan.Zero ? _pollInterval : wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > _pollInterval ? _pollInterval : wait;
    }
}
