namespace Audiences.Sdk.Testing.Fakes.Salesforce;

/// <summary>
/// Failures a <see cref="SalesforceFake"/> injects, set by a test before or between calls. Counts are used up one call
/// (or one job) at a time, so a test can make the next two calls fail and the third succeed.
/// </summary>
public sealed class SalesforceFakeFaults
{
    /// <summary>How many of the next calls answer 403 <c>REQUEST_LIMIT_EXCEEDED</c> (the org's API limit is hit).</summary>
    public int LimitExceeded { get; set; }

    /// <summary>How many of the next calls answer 503 (server busy).</summary>
    public int ServerErrors { get; set; }

    /// <summary>
    /// How many of the next calls (to <see cref="MalformedEndpoint"/>, or to any endpoint when it is null) answer 200
    /// with an HTML page instead of Salesforce's JSON or CSV, as a proxy or captive portal would.
    /// </summary>
    public int MalformedAnswers { get; set; }

    /// <summary>The <see cref="SalesforceFakeEndpoints"/> name <see cref="MalformedAnswers"/> applies to; null for any.</summary>
    public string? MalformedEndpoint { get; set; }

    /// <summary>How long every call waits before it answers. Default none.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>How many of the next jobs (query or ingest) end <c>Failed</c> with an error message instead of completing.</summary>
    public int FailedJobs { get; set; }

    /// <summary>How many of the next jobs (query or ingest) end <c>Aborted</c> instead of completing.</summary>
    public int AbortedJobs { get; set; }

    /// <summary>Record ids an ingest job rejects, each with the field whose validation fails.</summary>
    public IDictionary<string, string> Rejected { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
