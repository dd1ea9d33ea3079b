using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Sync;

/// <summary>The log messages of syncs.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Sync {Sync}: {Mode} run {RunId} started.")]
    public static partial void RunStarted(ILogger logger, string sync, Sources.SourceReadMode mode, long runId);

    [LoggerMessage(EventId = 401, Message = "Sync {Sync}: run {RunId} {Status}: read {Read}, created {Created}, updated {Updated}, rejected {Rejected}, deleted {Deleted}.")]
    private static partial void RunFinished(ILogger logger, LogLevel level, string sync, long runId, SyncRunStatus status, long read, long created, long updated, long rejected, long deleted);

    /// <summary>How a run ended: information when it succeeded, a warning when it failed.</summary>
    public static void RunFinished(ILogger logger, SyncRun run) =>
        RunFinished(logger, run.Status == SyncRunStatus.Failed ? LogLevel.Warning : LogLevel.Information, run.Sync, run.Id, run.Status, run.Read, run.Created, run.Updated, run.Rejected, run.Deleted);

    // A failed run is routine (a source down, a table dropped): its reason is the warning, the stack trace only a detail.
    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Sync {Sync}: the run failed: {Reason}")]
    private static partial void RunFailedReason(ILogger logger, string sync, string reason);

    [LoggerMessage(EventId = 407, Level = LogLevel.Debug, Message = "Sync {Sync}: the failure in detail.")]
    private static partial void RunFailedDetail(ILogger logger, string sync, Exception exception);

    public static void RunFailed(ILogger logger, string sync, Exception exception)
    {
        RunFailedReason(logger, sync, exception.Message);
        RunFailedDetail(logger, sync, exception);
    }

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "A source read failed; retry {Attempt} in {Delay}.")]
    public static partial void Retrying(ILogger logger, int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(EventId = 404, Level = LogLevel.Information, Message = "Sync {Sync} is due but another run of it is running; skipped.")]
    public static partial void Skipped(ILogger logger, string sync);

    [LoggerMessage(EventId = 405, Level = LogLevel.Error,
        Message = "Sync {Sync}: run {RunId} ended on an error ({Cause}) and could not be recorded as ended; it counts as running until it goes stale.")]
    private static partial void FinishFailed(ILogger logger, string sync, long runId, string cause, Exception exception);

    public static void FinishFailed(ILogger logger, string sync, long runId, Exception cause, Exception exception) =>
        FinishFailed(logger, sync, runId, cause.Message, exception);

    [LoggerMessage(EventId = 406, Level = LogLevel.Information,
        Message = "Sync {Sync} now reads differently (source, object, id or timestamp field changed); its next run starts from the beginning.")]
    public static partial void CursorReset(ILogger logger, string sync);
}
