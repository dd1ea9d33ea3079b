namespace Audiences.Sdk.Salesforce;

/// <summary>How the Salesforce source and destination reach the org: the token provider, the HTTP handler, and how they poll and retry.</summary>
public sealed class SalesforceOptions
{
    /// <summary>The provider of access tokens; when null, each source or destination uses its <c>token</c> setting as a fixed token.</summary>
    public ISalesforceTokenProvider? TokenProvider { get; set; }

    /// <summary>The HTTP handler calls go through (a proxy, a test handler); a shared default handler when null.</summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>The wait before the first poll of a job; it doubles up to <see cref="MaxPollInterval"/>. Default 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls of a job. Default 30 seconds.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a job may take before the connector gives up on it. Default 1 hour.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many times a call answered with a server error (5xx) is sent in all before the call fails. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// The wait reported when the org's daily API limit is hit (403 <c>REQUEST_LIMIT_EXCEEDED</c>, which says nothing of
    /// when the rolling 24-hour window frees up). Default 1 hour.
    /// </summary>
    public TimeSpan LimitRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The share of the org's daily API limit (from <c>Sforce-Limit-Info</c>) past which a source or destination logs a
    /// warning, once; between 0 and 1. Default 0.8.
    /// </summary>
    public double ApiUsageWarningRatio { get; set; } = 0.8;
}
