using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Enrichment.Engine;

/// <summary>The log messages of enrichment runs.</summary>
internal static partial class EnrichmentLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Enrichment {Enrichment}: {Trigger} run {RunId} started.")]
    public static partial void RunStarted(ILogger logger, string enrichment, EnrichmentTrigger trigger, long runId);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information,
        Message = "Enrichment {Enrichment}: run {RunId} {Status}: processed {Processed}, written {Written}, skipped {Skipped}, failed {Failed}, gated {Gated}, credits {Credits}.")]
    public static partial void RunFinished(
        ILogger logger, string enrichment, long runId, EnrichmentRunStatus status, long processed, long written, long skipped, long failed, long gated, decimal credits);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Enrichment {Enrichment}: the budget cannot pay for the next call; run {RunId} stops.")]
    public static partial void BudgetReached(ILogger logger, string enrichment, long runId);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Enrichment {Enrichment}: run {RunId} failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, string enrichment, long runId, string reason, Exception exception);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Error,
        Message = "Enrichment {Enrichment}: a provider call outlasted its credit reservation, so its spend of {Credits} is not recorded; raise the provider timeout's margin.")]
    public static partial void SpendNotRecorded(ILogger logger, string enrichment, decimal credits, Exception exception);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Enrichment {Enrichment}: run {RunId}: {Warning}")]
    public static partial void Warning(ILogger logger, string enrichment, long runId, string warning);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Warning,
        Message = "Enrichment {Enrichment}: run {RunId} held back {HeldBack} records from action {Action}, which takes at most {MaxRows} rows a run.")]
    public static partial void HeldBack(ILogger logger, string enrichment, long runId, long heldBack, string action, int maxRows);
}
