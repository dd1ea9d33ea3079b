using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Scheduling;

/// <summary>The log messages of the schedulers.</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "The scheduler could not look for due work; it tries again at the next poll.")]
    public static partial void LookFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 411, Level = LogLevel.Error, Message = "The host's callback after {Run} failed; the scheduler goes on.")]
    public static partial void AfterRunFailed(ILogger logger, string run, Exception exception);
}
