using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>The log messages of export runs.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Export {Export}: {Trigger} run {RunId} started ({Scope}).")]
    public static partial void RunStarted(ILogger logger, string export, ExportTrigger trigger, long runId, string scope);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information,
        Message = "Export {Export}: run {RunId} {Status}: sent {Sent}, succeeded {Succeeded}, failed {Failed}, created {Created}, updated {Updated}, removed {Removed}, skipped {Skipped}.")]
    public static partial void RunFinished(
        ILogger logger, string export, long runId, ExportRunStatus status, long sent, long succeeded, long failed, long created, long updated, long removed, long skipped);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Export {Export}: run {RunId} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, string export, long runId, string reason, Exception exception);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "Export {Export}: run {RunId} could not {Call} a batch of {Records} records; they are tried again at a later run: {Reason}")]
    public static partial void BatchFailed(ILogger logger, string export, long runId, string call, int records, string reason);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "Export {Export}: destination call failed, retry {Attempt} in {Delay}: {Reason}")]
    public static partial void CallRetrying(ILogger logger, string export, int attempt, TimeSpan delay, string reason);
}
