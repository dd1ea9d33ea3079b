using Audiences.Sdk.Exports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Audiences.Sdk.Scheduling;

/// <summary>
/// Runs exports when their interval falls due (<see cref="ExportDefinition.Every"/> after their last run started)
/// until stopped: what a hosted service calls from its <c>ExecuteAsync</c>, on the <see cref="TimeProvider"/> it is
/// given.
/// </summary>
/// <remarks>A run of an export holds it for every process, so several hosts may run this loop over one store.</remarks>
public sealed class ExportScheduler
{
    private readonly DueWorkLoop<ExportRun> _loop;

    /// <summary>Creates the scheduler. Hosts resolve it from <c>AddAudiences(...)</c>.</summary>
    /// <param name="exports">The exports to run.</param>
    /// <param name="pollInterval">The longest sleep between looks for due exports.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="exports"/> or <paramref name="time"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pollInterval"/> is not positive.</exception>
    public ExportScheduler(IExportService exports, TimeSpan pollInterval, TimeProvider time, ILogger<ExportScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(exports);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        _loop = new DueWorkLoop<ExportRun>(
            exports.RunDueAsync, exports.GetNextDueAsync, run => $"run {run.Id} of export {run.Export}", pollInterval, time,
            (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>Runs due exports until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="afterRun">Called after each run; may be null. Its failure is logged and the loop goes on.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that ends when the loop is stopped (cancelled).</returns>
    /// <exception cref="OperationCanceledException">The loop was stopped.</exception>
    public Task RunAsync(Func<ExportRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default) =>
        _loop.RunAsync(afterRun, cancellationToken);

    /// <summary>Runs the exports due now once, calling <paramref name="afterRun"/> after each, before the next starts.</summary>
    /// <param name="afterRun">Called after each run; may be null.</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    /// <returns>The runs.</returns>
    public Task<IReadOnlyList<ExportRun>> RunDueAsync(Func<ExportRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default) =>
        _loop.RunDueAsync(afterRun, cancellationToken);
}
