using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Hosting;

/// <summary>What the worker does after each run: report it, and bring audience membership up to date when it changed profiles.</summary>
internal sealed class RunFollowUp(IAudienceService audiences, IExportService exports, ILogger<RunFollowUp> logger)
{
    /// <summary>How many rejection reasons one run reports in the log; the run's history keeps the others.</summary>
    public const int ReportedReasons = 5;

    /// <summary>Reports the run and refreshes membership; a failed refresh is logged and never ends the loop.</summary>
    public async Task AfterRunAsync(SyncRun run, CancellationToken cancellationToken)
    {
        Report(run);
        if (!StoredChanges(run))
        {
            WorkerLog.NotRefreshed(logger, run.Sync, run.Id);
            return;
        }

        try
        {
            var refresh = await audiences.RefreshMembershipAsync(cancellationToken);
            WorkerLog.Refreshed(logger, run.Sync, refresh.Entered, refresh.Exited, refresh.ProfilesRead);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WorkerLog.RefreshFailed(logger, run.Sync, e);
        }
    }

    /// <summary>Reports an enrichment run and refreshes membership when it wrote values; a failed refresh is logged.</summary>
    public async Task AfterEnrichmentAsync(EnrichmentRun run, CancellationToken cancellationToken)
    {
        var seconds = run.Duration?.TotalSeconds ?? 0;
        if (run.Status == EnrichmentRunStatus.Failed)
        {
            WorkerLog.EnrichmentFailed(logger, run.Enrichment, run.Id, run.Failure ?? "no reason was recorded.", run.Processed, run.Written);
        }
        else
        {
            WorkerLog.EnrichmentRan(logger, run.Enrichment, run.Id, run.Status, seconds, run.Processed, run.Written, run.Skipped, run.Failed, run.Gated, run.HeldBack, run.Credits);
        }

        foreach (var warning in run.Warnings)
        {
            WorkerLog.EnrichmentWarning(logger, run.Enrichment, run.Id, warning);
        }

        if (run.Written == 0)
        {
            return;
        }

        try
        {
            var refresh = await audiences.RefreshMembershipAsync(cancellationToken);
            WorkerLog.EnrichmentRefreshed(logger, run.Enrichment, refresh.Entered, refresh.Exited, refresh.ProfilesRead);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WorkerLog.EnrichmentRefreshFailed(logger, run.Enrichment, e);
        }
    }

    /// <summary>
    /// Reports a signal run: its counts, or its failure at warning level, and the first reasons records could not be
    /// checked. The signal service refreshes membership itself after a run that fired, so nothing is refreshed here.
    /// </summary>
    public Task AfterSignalAsync(SignalRun run, CancellationToken cancellationToken)
    {
        if (run.Status == SignalRunStatus.Failed)
        {
            WorkerLog.SignalFailed(logger, run.Signal, run.Id, run.Failure ?? "no reason was recorded.", run.Checked, run.Fired, run.Failed, run.Credits);
        }
        else
        {
            WorkerLog.SignalRan(logger, run.Signal, run.Id, run.Status, run.Duration?.TotalSeconds ?? 0, run.Checked, run.Fired, run.Failed, run.Credits);
        }

        foreach (var error in run.Errors.Take(ReportedReasons))
        {
            WorkerLog.SignalError(logger, run.Signal, run.Id, error.Profile.ToString(), error.Message);
        }

        var reported = Math.Min(run.Errors.Count, ReportedReasons);
        if (run.Failed > reported)
        {
            WorkerLog.MoreSignalErrors(logger, run.Signal, run.Id, run.Failed - reported);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Reports an export run: its counts, or its failure at warning level, and the first records that failed with the
    /// destination's reasons (from the run's outcomes). An export run refreshes membership itself before it reads it,
    /// and changes no profile, so nothing is refreshed here.
    /// </summary>
    public async Task AfterExportAsync(ExportRun run, CancellationToken cancellationToken)
    {
        if (run.Status == ExportRunStatus.Failed)
        {
            // No mode: a run that failed before it read what to send never learned whether it would be full.
            WorkerLog.ExportFailed(logger, run.Export, run.Id, run.Failure ?? "no reason was recorded.", run.Sent, run.Succeeded, run.Failed, run.Created, run.Updated, run.Removed, run.Skipped);
        }
        else
        {
            WorkerLog.ExportRan(logger, run.Export, run.Full ? "full" : "incremental", run.Id, run.Status, run.Duration?.TotalSeconds ?? 0, run.Sent, run.Succeeded, run.Failed, run.Created, run.Updated, run.Removed, run.Skipped);
        }

        if (run.Failed == 0)
        {
            return;
        }

        var reported = 0;
        await foreach (var outcome in exports.ListOutcomesAsync(run.Export, run.Id, cancellationToken))
        {
            if (outcome.Kind != ExportOutcomeKind.Failed)
            {
                continue;
            }

            WorkerLog.ExportRecordFailed(logger, run.Export, run.Id, outcome.Profile.ToString(), outcome.Key ?? "none", outcome.Reason ?? "no reason was recorded.");
            if (++reported == ReportedReasons)
            {
                break;
            }
        }

        if (run.Failed > reported)
        {
            WorkerLog.MoreExportFailures(logger, run.Export, run.Id, run.Failed - reported);
        }
    }

    /// <summary>
    /// Whether the run stored a change profiles could show. A failed run counts too: the batches it stored before it
    /// failed stay stored. Related records and deletions change their profiles as well.
    /// </summary>
    public static bool StoredChanges(SyncRun run) =>
        run.Created + run.Updated + run.Merged + run.Related + run.Deleted > 0;

    private void Report(SyncRun run)
    {
        var mode = run.Mode == SourceReadMode.Full ? "full" : "incremental";
        if (run.Status == SyncRunStatus.Failed)
        {
            WorkerLog.RunFailed(logger, run.Sync, mode, run.Id, run.Failure ?? "no reason was recorded.", run.Read, run.Created, run.Updated, run.Unchanged, run.Merged, run.Rejected, run.Related, run.Deleted);
        }
        else
        {
            var seconds = run.Duration?.TotalSeconds ?? 0;
            WorkerLog.RunSucceeded(logger, run.Sync, mode, run.Id, seconds, run.Read, run.Created, run.Updated, run.Unchanged, run.Merged, run.Rejected, run.Related, run.Deleted);
        }

        foreach (var error in run.Errors.Take(ReportedReasons))
        {
            var reason = error.ToString();
            WorkerLog.Rejection(logger, run.Sync, run.Id, reason);
        }

        if (run.Errors.Count > ReportedReasons)
        {
            WorkerLog.MoreRejections(logger, run.Sync, run.Id, run.Errors.Count - ReportedReasons);
        }
    }
}
