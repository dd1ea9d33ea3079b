using Audiences.Sdk.Enrichment;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Audiences.Sdk.Scheduling;

/// <summary>
/// Runs enrichments when they fall due — on their schedules, and continuous ones every 15 minutes so records entering
/// their audiences are enriched within that time — until stopped: what a hosted service calls from its <c>ExecuteAsync</c>,
/// on the <see cref="TimeProvider"/> it is given.
/// </summary>
/// <remarks>The budget holds whatever runs at once, so several hosts may run this loop over one store.</remarks>
public sealed class EnrichmentScheduler
{
    private readonly DueWorkLoop<EnrichmentRun> _loop;

    /// <summary>Creates the scheduler. Hosts resolve it from <c>AddAudiences(...)</c>.</summary>
    /// <param name="enrichments">The enrichments to run.</param>
    /// <param name="pollInterval">The longest sleep between looks for due enrichments.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="enrichments"/> or <paramref name="time"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pollInterval"/> is not positive.</exception>
    public EnrichmentScheduler(IEnrichmentService enrichments, TimeSpan pollInterval, TimeProvider time, ILogger<EnrichmentScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(enrichments);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        _loop = new DueWorkLoop<EnrichmentRun>(
            enrichments.RunDueAsync, enrichments.GetNextDueAsync, run => $"run {run.Id} of enrichment {run.Enrichment}", pollInterval, time,
            (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>Runs due enrichments until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="afterRun">Called after each run; may be null. Its failure is logged and the loop goes on.</param>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that ends when the loop is stopped (cancelled).</returns>
    /// <exception cref="OperationCanceledException">The loop was stopped.</exception>
    public Task RunAsync(Func<EnrichmentRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default) =>
        _loop.RunAsync(afterRun, cancellationToken);

    /// <summary>Runs the enrichments due now once, calling <paramref name="afterRun"/> after each, before the next starts.</summary>
    /// <returns>The runs.</returns>
    public Task<IReadOnlyList<EnrichmentRun>> RunDueAsync(Func<EnrichmentRun, CancellationToken, Task>? afterRun = null, CancellationToken cancellationToken = default) =>
        _loop.RunDueAsync(afterRun, cancellationToken);
}
