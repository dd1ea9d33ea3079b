using System.Net;

namespace Audiences.Sdk.Salesforce;

/// <summary>A call the org refused: the HTTP status and the first <c>errorCode</c> of Salesforce's error array.</summary>
internal sealed class SalesforceApiException : Exception
{
    public SalesforceApiException(HttpStatusCode status, string? code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public SalesforceApiException(HttpStatusCode status, string? code, string message, Exception innerException)
        : base(message, innerException)
    {
        Status = status;
        Code = code;
    }

    public SalesforceApiException()
    {
    }

    public SalesforceApiException(string message)
        : base(message)
    {
    }

    public SalesforceApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The code given to an answer that is not what Salesforce sends (HTML from a proxy, JSON without a job's fields).</summary>
    public const string MalformedResponse = "MALFORMED_RESPONSE";

    public HttpStatusCode Status { get; }

    public string? Code { get; }

    /// <summary>The org's daily API allocation is used up (403, not 429, in Salesforce).</summary>
    public bool LimitExceeded => Code == "REQUEST_LIMIT_EXCEEDED";

    /// <summary>Worth sending again later: a limit, a server error, a job that did not finish in time, or an answer that was not Salesforce's.</summary>
    public bool Transient => LimitExceeded || (int)Status >= 500 || Status == 0 || Code == MalformedResponse;
}
