using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Scheduling;

/// <summary>The log messages of the sync scheduler.</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "The scheduler could not look for due syncs; it tries again at the next poll.")]
    public static partial void LookFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 411, Level = LogLevel.Error, Message = "The host's callback after run {RunId} of sync {Sync} failed; the scheduler goes on.")]
    public static partial void AfterRunFailed(ILogger logger, string sync, long runId, Exception exception);
}
