using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Signals.Engine;

/// <summary>The log messages of signal runs.</summary>
internal static partial class SignalLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Signal {Signal}: {Trigger} run {RunId} started.")]
    public static partial void RunStarted(ILogger logger, string signal, SignalTrigger trigger, long runId);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information,
        Message = "Signal {Signal}: run {RunId} {Status}: checked {Checked}, fired {Fired}, failed {Failed}, credits {Credits}.")]
    public static partial void RunFinished(ILogger logger, string signal, long runId, SignalRunStatus status, long @checked, long fired, long failed, decimal credits);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Signal {Signal}: the budget cannot pay for the next check; run {RunId} stops.")]
    public static partial void BudgetReached(ILogger logger, string signal, long runId);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Signal {Signal}: run {RunId} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, string signal, long runId, string reason, Exception exception);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Error,
        Message = "Signal {Signal}: a provider call outlasted its credit reservation, so its spend of {Credits} is not recorded; raise the provider timeout's margin.")]
    public static partial void SpendNotRecorded(ILogger logger, string signal, decimal credits, Exception exception);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information, Message = "Signal {Signal}: companion audience {Companion} created for audience {Audience}.")]
    public static partial void CompanionCreated(ILogger logger, string signal, long companion, long audience);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Information, Message = "Signal {Signal}: companion audience {Companion} follows the changed criteria of audience {Audience}.")]
    public static partial void CompanionUpdated(ILogger logger, string signal, long companion, long audience);
}
