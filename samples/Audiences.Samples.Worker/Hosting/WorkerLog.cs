using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Hosting;

/// <summary>The worker's log messages; the event ids let a host's log filters and tests pick them out.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "The sync worker started: {Saved} of {Configured} configured syncs saved, {Stored} syncs in the store {Database}; looking for due syncs at least every {PollInterval}.")]
    public static partial void Started(ILogger logger, int saved, int configured, int stored, string database, string pollInterval);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Sync {Sync} was refused by its {SourceType} source and is skipped: {Reason}")]
    public static partial void Refused(ILogger logger, string sync, string sourceType, string reason);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Sync {Sync} was refused by its {SourceType} source: {Reason} The definition stored earlier keeps running.")]
    public static partial void RefusedEarlierKeepsRunning(ILogger logger, string sync, string sourceType, string reason);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Sync {Sync}: {Mode} run {RunId} succeeded in {Seconds:0.00}s: read {Read}, created {Created}, updated {Updated}, unchanged {Unchanged}, merged {Merged}, rejected {Rejected}, related {Related}, deleted {Deleted}.")]
    public static partial void RunSucceeded(ILogger logger, string sync, string mode, long runId, double seconds, long read, long created, long updated, long unchanged, long merged, long rejected, long related, long deleted);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "Sync {Sync}: {Mode} run {RunId} failed: {Failure} Before it failed it read {Read}, created {Created}, updated {Updated}, unchanged {Unchanged}, merged {Merged}, rejected {Rejected}, related {Related}, deleted {Deleted}.")]
    public static partial void RunFailed(ILogger logger, string sync, string mode, long runId, string failure, long read, long created, long updated, long unchanged, long merged, long rejected, long related, long deleted);

    [LoggerMessage(EventId = 505, Level = LogLevel.Warning, Message = "Sync {Sync}: run {RunId}: {Reason}")]
    public static partial void Rejection(ILogger logger, string sync, long runId, string reason);

    [LoggerMessage(EventId = 506, Level = LogLevel.Warning, Message = "Sync {Sync}: run {RunId}: {More} more; the run's history lists them.")]
    public static partial void MoreRejections(ILogger logger, string sync, long runId, int more);

    [LoggerMessage(EventId = 507, Level = LogLevel.Information, Message = "Audience membership refreshed after sync {Sync}: {Entered} entered, {Exited} exited, {ProfilesRead} changed profiles read.")]
    public static partial void Refreshed(ILogger logger, string sync, long entered, long exited, long profilesRead);

    [LoggerMessage(EventId = 508, Level = LogLevel.Debug, Message = "Sync {Sync}: run {RunId} stored no change; audience membership left as it was.")]
    public static partial void NotRefreshed(ILogger logger, string sync, long runId);

    [LoggerMessage(EventId = 509, Level = LogLevel.Warning, Message = "Audience membership could not be refreshed after sync {Sync}; the next run that stores a change tries again.")]
    public static partial void RefreshFailed(ILogger logger, string sync, Exception exception);

    [LoggerMessage(EventId = 510, Level = LogLevel.Information, Message = "The sync worker is stopping.")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 511, Level = LogLevel.Error, Message = "The sync worker failed: {Reason}")]
    public static partial void Failed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 512, Level = LogLevel.Information, Message = "Created the demo warehouse {Path} with {Rows} contacts.")]
    public static partial void DemoWarehouseCreated(ILogger logger, string path, int rows);

    [LoggerMessage(EventId = 513, Level = LogLevel.Information, Message = "The demo warehouse {Path} exists; it is left as it is.")]
    public static partial void DemoWarehouseKept(ILogger logger, string path);

    [LoggerMessage(EventId = 520, Level = LogLevel.Information,
        Message = "Enrichment {Enrichment}: run {RunId} {Status} in {Seconds:0.0}s: processed {Processed}, written {Written}, skipped {Skipped}, failed {Failed}, gated {Gated}, held back {HeldBack}, credits {Credits}.")]
    public static partial void EnrichmentRan(
        ILogger logger, string enrichment, long runId, Audiences.Sdk.Enrichment.EnrichmentRunStatus status, double seconds, long processed, long written, long skipped, long failed, long gated, long heldBack, decimal credits);

    [LoggerMessage(EventId = 521, Level = LogLevel.Warning,
        Message = "Enrichment {Enrichment}: run {RunId} failed: {Reason} (processed {Processed}, written {Written}).")]
    public static partial void EnrichmentFailed(ILogger logger, string enrichment, long runId, string reason, long processed, long written);

    [LoggerMessage(EventId = 522, Level = LogLevel.Warning, Message = "Enrichment {Enrichment}: run {RunId}: {Warning}")]
    public static partial void EnrichmentWarning(ILogger logger, string enrichment, long runId, string warning);

    [LoggerMessage(EventId = 523, Level = LogLevel.Information,
        Message = "Audience membership refreshed after enrichment {Enrichment}: {Entered} entered, {Exited} exited, {ProfilesRead} profiles read.")]
    public static partial void EnrichmentRefreshed(ILogger logger, string enrichment, long entered, long exited, long profilesRead);

    [LoggerMessage(EventId = 524, Level = LogLevel.Warning, Message = "Audience membership could not be refreshed after enrichment {Enrichment}; the next run that writes values tries again.")]
    public static partial void EnrichmentRefreshFailed(ILogger logger, string enrichment, Exception exception);

    [LoggerMessage(EventId = 530, Level = LogLevel.Information,
        Message = "Signal {Signal}: run {RunId} {Status} in {Seconds:0.0}s: checked {CheckedRecords}, fired {Fired}, failed {Failed}, credits {Credits}.")]
    public static partial void SignalRan(
        ILogger logger, string signal, long runId, Audiences.Sdk.Signals.SignalRunStatus status, double seconds, long checkedRecords, long fired, long failed, decimal credits);

    [LoggerMessage(EventId = 531, Level = LogLevel.Warning,
        Message = "Signal {Signal}: run {RunId} failed: {Reason} (checked {CheckedRecords}, fired {Fired}, failed {Failed}, credits {Credits}).")]
    public static partial void SignalFailed(ILogger logger, string signal, long runId, string reason, long checkedRecords, long fired, long failed, decimal credits);

    [LoggerMessage(EventId = 532, Level = LogLevel.Warning, Message = "Signal {Signal}: run {RunId}: profile {Profile}: {Reason}")]
    public static partial void SignalError(ILogger logger, string signal, long runId, string profile, string reason);

    [LoggerMessage(EventId = 533, Level = LogLevel.Warning, Message = "Signal {Signal}: run {RunId}: {More} more records could not be checked; the next run checks them again.")]
    public static partial void MoreSignalErrors(ILogger logger, string signal, long runId, long more);

    [LoggerMessage(EventId = 540, Level = LogLevel.Information,
        Message = "Export {Export}: {Mode} run {RunId} {Status} in {Seconds:0.0}s: sent {Sent}, succeeded {Succeeded}, failed {Failed}, created {Created}, updated {Updated}, removed {Removed}, skipped {Skipped}.")]
    public static partial void ExportRan(
        ILogger logger, string export, string mode, long runId, Audiences.Sdk.Exports.ExportRunStatus status, double seconds, long sent, long succeeded, long failed, long created, long updated, long removed, long skipped);

    [LoggerMessage(EventId = 541, Level = LogLevel.Warning,
        Message = "Export {Export}: run {RunId} failed: {Reason} Before it failed it sent {Sent}, succeeded {Succeeded}, failed {Failed}, created {Created}, updated {Updated}, removed {Removed}, skipped {Skipped}; its checkpoint stays, so the next run considers the same records again.")]
    public static partial void ExportFailed(
        ILogger logger, string export, long runId, string reason, long sent, long succeeded, long failed, long created, long updated, long removed, long skipped);

    [LoggerMessage(EventId = 542, Level = LogLevel.Warning, Message = "Export {Export}: run {RunId}: profile {Profile} (key {Key}) failed: {Reason}")]
    public static partial void ExportRecordFailed(ILogger logger, string export, long runId, string profile, string key, string reason);

    [LoggerMessage(EventId = 543, Level = LogLevel.Warning, Message = "Export {Export}: run {RunId}: {More} more records failed; the export's failures list them with their next tries.")]
    public static partial void MoreExportFailures(ILogger logger, string export, long runId, long more);


}
