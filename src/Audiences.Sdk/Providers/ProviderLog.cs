using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Providers;

/// <summary>The log messages of enrichment and signal providers' calls.</summary>
internal static partial class ProviderLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Provider {Provider}: a call failed; retry {Attempt} in {Delay}: {Reason}")]
    public static partial void Retrying(ILogger logger, string provider, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Provider {Provider}: a batch of {Records} records failed: {Reason}")]
    public static partial void BatchFailed(ILogger logger, string provider, int records, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Provider {Provider}: ignored its answer for profile {Profile}, which it was not asked about.")]
    public static partial void UnaskedAnswer(ILogger logger, string provider, Profiles.ProfileId profile);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Provider {Provider}: answered profile {Profile} more than once; kept the first answer.")]
    public static partial void DuplicateAnswer(ILogger logger, string provider, Profiles.ProfileId profile);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Provider {Provider}: dropped {Events} events of profile {Profile} from before {Since}.")]
    public static partial void EarlyEventsDropped(ILogger logger, string provider, int events, Profiles.ProfileId profile, DateTimeOffset since);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information,
        Message = "Provider {Provider}: looked up {Records} records in {Duration}: {Found} found, {NotFound} not found, {Failed} failed, {Credits} credits.")]
    public static partial void EnrichmentFinished(ILogger logger, string provider, int records, TimeSpan duration, int found, int notFound, int failed, decimal credits);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning, Message = "Provider {Provider}: {Records} records failed: {Reason}")]
    public static partial void RecordsFailed(ILogger logger, string provider, int records, string reason);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Information,
        Message = "Provider {Provider}: checked {Records} records in {Duration}: {Events} events on {WithEvents} records, {Failed} failed, {Credits} credits.")]
    public static partial void SignalsFinished(ILogger logger, string provider, int records, TimeSpan duration, int events, int withEvents, int failed, decimal credits);
}
