namespace Audiences.Sdk.Sources;

/// <summary>
/// A source could not be reached or failed while reading (a timeout, a dropped connection, a rate limit): a
/// retry may succeed. The sync engine retries it with backoff, waiting at least <see cref="RetryAfter"/> when the
/// source says how long.
/// </summary>
public sealed class SourceUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SourceUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, naming the source.</param>
    public SourceUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, naming the source.</param>
    /// <param name="innerException">The provider's exception.</param>
    public SourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the source asked callers to wait before retrying, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
