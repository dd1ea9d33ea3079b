using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Ads;

/// <summary>The log messages of the ad-platform destinations. They carry counts and platform answers, never identifiers.</summary>
internal static partial class AdLog
{
    [LoggerMessage(EventId = 4600, Level = LogLevel.Debug, Message = "{Platform} {Audience}: sent {Count} members to {Action} (request {Sequence} of {Requests}).")]
    public static partial void Sent(ILogger logger, string platform, string audience, int count, string action, int sequence, int requests);

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "{Platform} {Audience}: {Count} records have no identifier the platform can match and are not sent.")]
    public static partial void Unusable(ILogger logger, string platform, string audience, int count);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Warning, Message = "{Platform} {Audience}: the platform counted {Invalid} invalid entries of the {Received} it received.")]
    public static partial void InvalidEntries(ILogger logger, string platform, string audience, long invalid, long received);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Information, Message = "{Platform} {Audience}: the platform rejected {Count} members; the rest of the request is sent again.")]
    public static partial void RowsRejected(ILogger logger, string platform, string audience, int count);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Warning, Message = "{Platform} {Audience}: the call failed (transient: {Transient}, retry after: {RetryAfter}): {Reason}")]
    public static partial void CallFailed(ILogger logger, string platform, string audience, bool transient, TimeSpan? retryAfter, string reason);
}
