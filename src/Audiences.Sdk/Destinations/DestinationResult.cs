namespace Audiences.Sdk.Destinations;

/// <summary>The destination's answer for one write.</summary>
/// <param name="Key">The key of the write answered.</param>
public sealed record DestinationResult(string Key)
{
    /// <summary>The destination's reason when the write failed; null when it succeeded.</summary>
    public string? Error { get; init; }

    /// <summary>Whether a failed write may succeed when sent again (a lock, a time-out) rather than never (a validation rule).</summary>
    public bool Retryable { get; init; } = true;

    /// <summary>Whether the write succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A success for <paramref name="key"/>.</summary>
    /// <param name="key">The key of the write.</param>
    public static DestinationResult Success(string key) => new(key);

    /// <summary>A failure for <paramref name="key"/> with the destination's reason.</summary>
    /// <param name="key">The key of the write.</param>
    /// <param name="error">The destination's reason.</param>
    /// <param name="retryable">Whether sending it again may succeed.</param>
    public static DestinationResult Failure(string key, string error, bool retryable = true) => new(key) { Error = error, Retryable = retryable };
}
