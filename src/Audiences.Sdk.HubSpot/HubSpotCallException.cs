namespace Audiences.Sdk.HubSpot;

// A call HubSpot answered with an error as a whole; the source and the destination turn it into their own exceptions.
internal sealed class HubSpotCallException(string message, int status, TimeSpan? retryAfter, bool transient) : Exception(message)
{
    public int Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public bool Transient { get; } = transient;
}
