using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Segments;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Hosting;

/// <summary>
/// The export service as the worker's <see cref="Sdk.Scheduling.ExportScheduler"/> sees it: the SDK's, with two
/// changes to <see cref="RunDueAsync"/>.
/// <list type="bullet">
/// <item>When an export is due it first refreshes audience membership. An export sends membership as the last refresh
/// left it, and the other loops refresh only after runs that changed profiles: an export due at start, before the
/// first sync finished, audiences relative to now (<c>within last</c>) and changes another process stored would
/// otherwise go out stale.</item>
/// <item>A run that fails outright (its destination unreachable, say) is handed on as its failed run, so the worker
/// reports it like any other, and the exports due after it still run now rather than at the next poll.</item>
/// </list>
/// </summary>
internal sealed class ScheduledExports(IExportService exports, IAudienceService audiences, TimeProvider time, ILogger<ScheduledExports> logger) : IExportService
{
    public async IAsyncEnumerable<ExportRun> RunDueAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = time.GetUtcNow();
        if (await exports.GetNextDueAsync(cancellationToken) is not { } due || due > started)
        {
            yield break;
        }

        await RefreshAsync(cancellationToken);

        // The SDK's pass ends at the first run that fails outright; another pass runs the exports due after it (the
        // failed one is not due any more: its run started). Each further pass needs an export that had not failed yet,
        // so there are never more passes than exports.
        var failedExports = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            Exception? failure = null;
            var runs = exports.RunDueAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (runs)
            {
                while (true)
                {
                    (var more, failure) = await MoveNextAsync(runs, cancellationToken);
                    if (!more)
                    {
                        break;
                    }

                    yield return runs.Current;
                }
            }

            if (failure is null)
            {
                yield break;
            }

            var failed = await FailedSinceAsync(started, failedExports, cancellationToken);
            if (failed.Count == 0)
            {
                // Not a run that failed (the store could not be read, say): the scheduler logs it and looks again at its next poll.
                ExceptionDispatchInfo.Throw(failure);
            }

            foreach (var run in failed)
            {
                failedExports.Add(run.Export);
                yield return run;
            }
        }
    }

    public Task<ExportDefinition> SaveAsync(ExportDefinition definition, CancellationToken cancellationToken = default) =>
        exports.SaveAsync(definition, cancellationToken);

    public ValueTask<ExportDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        exports.GetAsync(name, cancellationToken);

    public ValueTask<IReadOnlyList<ExportDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        exports.ListAsync(cancellationToken);

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        exports.RemoveAsync(name, cancellationToken);

    public IAsyncEnumerable<ExportPlanRecord> PlanAsync(string name, CancellationToken cancellationToken = default) =>
        exports.PlanAsync(name, cancellationToken);

    public Task<ExportRun> RunAsync(string name, CancellationToken cancellationToken = default) =>
        exports.RunAsync(name, cancellationToken);

    public Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default) =>
        exports.GetNextDueAsync(cancellationToken);

    public ValueTask<IReadOnlyList<ExportRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default) =>
        exports.ListRunsAsync(name, limit, cancellationToken);

    public IAsyncEnumerable<ExportOutcome> ListOutcomesAsync(string name, long run, CancellationToken cancellationToken = default) =>
        exports.ListOutcomesAsync(name, run, cancellationToken);

    public ValueTask<IReadOnlyList<ExportFailure>> ListFailuresAsync(string name, CancellationToken cancellationToken = default) =>
        exports.ListFailuresAsync(name, cancellationToken);

    /// <summary>Refreshes membership; a refresh that fails is logged, and the exports run on the membership they find.</summary>
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var refresh = await audiences.RefreshMembershipAsync(cancellationToken);
            WorkerLog.ExportsRefreshed(logger, refresh.Entered, refresh.Exited, refresh.ProfilesRead);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            WorkerLog.ExportsRefreshFailed(logger, e);
        }
    }

    /// <summary>Moves to the next run; false at the end, with the exception when the pass ended on one (never a cancellation of the worker).</summary>
    private static async Task<(bool More, Exception? Failure)> MoveNextAsync(IAsyncEnumerator<ExportRun> runs, CancellationToken cancellationToken)
    {
        try
        {
            return (await runs.MoveNextAsync(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (false, e);
        }
    }

    /// <summary>The last runs of the exports, other than those already reported as failed, that failed since the pass began.</summary>
    private async Task<IReadOnlyList<ExportRun>> FailedSinceAsync(DateTimeOffset since, HashSet<string> reported, CancellationToken cancellationToken)
    {
        var failed = new List<ExportRun>();
        foreach (var definition in await exports.ListAsync(cancellationToken))
        {
            if (reported.Contains(definition.Name))
            {
                continue;
            }

            var last = await exports.ListRunsAsync(definition.Name, 1, cancellationToken);
            if (last.Count == 1 && last[0] is { Status: ExportRunStatus.Failed } run && run.StartedAt >= since)
            {
                failed.Add(run);
            }
        }

        return failed;
    }
}
