namespace Audiences.Sdk.Enrichment;

/// <summary>
/// An enrichment or signal provider's service failed in a way a retry may cure: a timeout, a dropped connection, a rate
/// limit. The SDK retries the batch; one that still fails fails its records, not the run.
/// </summary>
public sealed class ProviderUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProviderUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ProviderUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the service asked to wait before the next call (a rate limit's Retry-After); null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
