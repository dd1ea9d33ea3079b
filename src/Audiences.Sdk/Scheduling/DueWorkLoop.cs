using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Scheduling;

/// <summary>
/// The loop behind the schedulers: run what is due, hand each run to the host as it ends, sleep until the next thing
/// falls due (at most the poll interval, so work saved by another process is seen), on the given clock.
/// </summary>
/// <typeparam name="TRun">A run (a sync's, an enrichment's).</typeparam>
internal sealed class DueWorkLoop<TRun>(
    Func<CancellationToken, IAsyncEnumerable<TRun>> runDue,
    Func<CancellationToken, Task<DateTimeOffset?>> nextDue,
    Func<TRun, string> describe,
    TimeSpan pollInterval,
    TimeProvider time,
    ILogger logger)
{
    public async Task RunAsync(Func<TRun, CancellationToken, Task>? afterRun, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunDueAsync(afterRun, cancellationToken).ConfigureAwait(false);
            await Task.Delay(await DelayAsync(cancellationToken).ConfigureAwait(false), time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<TRun>> RunDueAsync(Func<TRun, CancellationToken, Task>? afterRun, CancellationToken cancellationToken)
    {
        var runs = new List<TRun>();
        var due = runDue(cancellationToken).GetAsyncEnumerator(cancellationToken);
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
    private async Task<bool> NextAsync(IAsyncEnumerator<TRun> due, CancellationToken cancellationToken)
    {
        try
        {
            return await due.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A store that cannot be read now (locked, full) must not end the loop: the next look tries again.
            SchedulerLog.LookFailed(logger, e);
            return false;
        }
    }

    /// <summary>Calls the host back; its failure (a membership refresh that could not run, say) is logged and the loop goes on.</summary>
    private async Task AfterRunAsync(Func<TRun, CancellationToken, Task> afterRun, TRun run, CancellationToken cancellationToken)
    {
        try
        {
            await afterRun(run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SchedulerLog.AfterRunFailed(logger, describe(run), e);
        }
    }

    private async Task<TimeSpan> DelayAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        try
        {
            next = await nextDue(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SchedulerLog.LookFailed(logger, e);
            return pollInterval;
        }

        var wait = next is { } due ? due - time.GetUtcNow() : pollInterval;

        // Something still due right after the look was skipped (its run goes on elsewhere): look again after a poll,
        // not every second for as long as that run lasts. Never sleep past the poll, so work saved elsewhere is seen.
        return wait <= TimeSpan.Zero ? pollInterval : wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > pollInterval ? pollInterval : wait;
    }
}
