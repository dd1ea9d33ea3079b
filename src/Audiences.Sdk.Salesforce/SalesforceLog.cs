using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Salesforce;

/// <summary>The log messages of the Salesforce connector. None carries a token or a record's values.</summary>
internal static partial class SalesforceLog
{
    [LoggerMessage(EventId = 4700, Level = LogLevel.Information, Message = "Salesforce {Kind} job {JobId} created: {Operation} of {Object}.")]
    public static partial void JobCreated(ILogger logger, string kind, string jobId, string operation, string @object);

    [LoggerMessage(EventId = 4701, Level = LogLevel.Debug, Message = "Salesforce {Kind} job {JobId} is {State}.")]
    public static partial void JobState(ILogger logger, string kind, string jobId, string? state);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Information, Message = "Salesforce {Kind} job {JobId} of {Object} is {State}: {Processed} records processed, {Failed} failed.")]
    public static partial void JobCompleted(ILogger logger, string kind, string jobId, string @object, string state, long processed, long failed);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Warning, Message = "Salesforce {Kind} job {JobId} of {Object} ended {State}: {Reason}")]
    public static partial void JobFailed(ILogger logger, string kind, string jobId, string @object, string state, string reason);

    [LoggerMessage(EventId = 4704, Level = LogLevel.Debug, Message = "Salesforce query job {JobId}: read a result page of {Count} records; another page follows: {HasLocator}.")]
    public static partial void PageRead(ILogger logger, string jobId, int count, bool hasLocator);

    [LoggerMessage(EventId = 4705, Level = LogLevel.Warning, Message = "Salesforce answered {Status} {Code}; the call is sent again in {Delay} (attempt {Attempt} of {MaxAttempts}).")]
    public static partial void Retrying(ILogger logger, int status, string? code, TimeSpan delay, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 4706, Level = LogLevel.Warning, Message = "Salesforce at {InstanceUrl} answered REQUEST_LIMIT_EXCEEDED: the org's daily API limit is used up; the call is reported for a retry in {RetryAfter}.")]
    public static partial void LimitExceeded(ILogger logger, Uri instanceUrl, TimeSpan retryAfter);

    [LoggerMessage(EventId = 4707, Level = LogLevel.Information, Message = "Salesforce at {InstanceUrl} refused the access token (401); the token provider handed out a fresh one.")]
    public static partial void TokenRefreshed(ILogger logger, Uri instanceUrl);

    [LoggerMessage(EventId = 4708, Level = LogLevel.Debug, Message = "Salesforce API usage at {InstanceUrl}: {Used} of {Limit} calls.")]
    public static partial void ApiUsage(ILogger logger, Uri instanceUrl, long used, long limit);

    [LoggerMessage(EventId = 4709, Level = LogLevel.Warning, Message = "Salesforce API usage at {InstanceUrl} is {Used} of {Limit} calls ({Percent:0}%), past the warning level of {Threshold:0}% of the org's daily limit.")]
    public static partial void ApiUsageHigh(ILogger logger, Uri instanceUrl, long used, long limit, double percent, double threshold);
}
