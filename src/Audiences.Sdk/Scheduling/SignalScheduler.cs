using Audiences.Sdk.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Audiences.Sdk.Scheduling;

/// <summary>
/// Runs signals when their recurrence falls due (<see cref="SignalDefinition.Every"/> after their last run) until
/// stopped: what a hosted service calls from its <c>ExecuteAsync</c>,
/// on the <see cref="TimeProvider"/> it is given.
/// </summary>
/// <remarks>The budget holds whatever runs at once, so several hosts may run this loop over one store.</remarks>
public sealed class SignalScheduler
{
    private readonly DueWorkLoop<SignalRun> _loop;

    /// <summary>Creates the scheduler. Hosts resolve it from <c>AddAudiences(...)</c>.</summary>
    /// <param name="signals">The signals to run.</param>
    /// <param name="pollInterval">The longest sleep between looks for due signals.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signals"/> or <paramref name="time"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pollInterval"/> is not positive.</exception>
    public SignalScheduler(ISignalService signals, TimeSpan pollInterval, TimeProvider time, ILogger<SignalScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        _loop = new DueWorkLoop<SignalRun>(
            signals.RunDueAsync, signals.GetNextDueAsync, run => $"run {run.Id} of signal {run.Signal}", pollInterval, time,
            (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>Runs due signals until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="afterRun">Called after each run; may be null. Its failure is logged and the loop goes on.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that ends when the loop is stopped (cancelled).</returns>
    /// <exception cref="OperationCanceledException">The loop was stopped.</exception>
    public Task RunAsync(Func<SignalRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default) =>
        _loop.RunAsync(afterRun, cancellationToken);

    /// <summary>Runs the signals due now once, calling <paramref name="afterRun"/> after each, before the next starts.</summary>
    /// <returns>The runs.</returns>
    public Task<IReadOnlyList<SignalRun>> RunDueAsync(Func<SignalRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default) =>
        _loop.RunDueAsync(afterRun, cancellationToken);
}
