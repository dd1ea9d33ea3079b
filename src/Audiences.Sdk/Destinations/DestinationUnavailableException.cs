namespace Audiences.Sdk.Destinations;

/// <summary>A destination call failed as a whole: the service is down, rate-limited, or refused the credentials.</summary>
public sealed class DestinationUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DestinationUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, naming the destination.</param>
    public DestinationUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed, naming the destination.</param>
    /// <param name="innerException">The cause.</param>
    public DestinationUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>When the destination asked to be called again (a rate limit's <c>Retry-After</c>); null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether calling again may succeed (false for refused credentials or settings).</summary>
    public bool Transient { get; init; } = true;
}
