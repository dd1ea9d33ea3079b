using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.HubSpot;

/// <summary>The log messages of the HubSpot connector. None carries the token or a record's values.</summary>
internal static partial class HubSpotLog
{
    [LoggerMessage(EventId = 4800, Level = LogLevel.Information,
        Message = "HubSpot {Object} search reached its {Cap}-result cap after {Read} results; a new search starts at {Property} {From}.")]
    public static partial void SearchWindowMoved(ILogger logger, string @object, int cap, int read, string property, long from);

    [LoggerMessage(EventId = 4801, Level = LogLevel.Debug, Message = "HubSpot {Object} search page read: {Count} records; another page follows: {HasMore}.")]
    public static partial void PageRead(ILogger logger, string @object, int count, bool hasMore);

    [LoggerMessage(EventId = 4802, Level = LogLevel.Warning,
        Message = "HubSpot rate-limited the call ({Policy}; Retry-After {RetryAfter}, X-HubSpot-RateLimit-Interval-Milliseconds {IntervalMilliseconds}, X-HubSpot-RateLimit-Remaining {Remaining}); waiting {Wait} before retry {Retry} of {Retries}.")]
    public static partial void RateLimited(ILogger logger, string? policy, string? retryAfter, string? intervalMilliseconds, string? remaining, TimeSpan wait, int retry, int retries);

    [LoggerMessage(EventId = 4803, Level = LogLevel.Warning,
        Message = "HubSpot rate-limited the call ({Policy}; Retry-After {RetryAfter}, X-HubSpot-RateLimit-Interval-Milliseconds {IntervalMilliseconds}, X-HubSpot-RateLimit-Remaining {Remaining}) past its {Retries} retries; it fails, to be tried again in {Wait}.")]
    public static partial void RateLimitGaveUp(ILogger logger, string? policy, string? retryAfter, string? intervalMilliseconds, string? remaining, int retries, TimeSpan wait);

    [LoggerMessage(EventId = 4804, Level = LogLevel.Information, Message = "HubSpot {Object} batch {Operation}: {Succeeded} records written, {Failed} failed.")]
    public static partial void BatchWritten(ILogger logger, string @object, string operation, int succeeded, int failed);
}
