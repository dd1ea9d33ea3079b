namespace Audiences.Sdk.Exports.Engine;

/// <summary>When a record whose write failed is tried again: the retry delay, doubled for each attempt after the first, capped.</summary>
internal static class ExportBackoff
{
    /// <summary>When the record is tried again after failed attempt <paramref name="attempt"/>; null when it is not.</summary>
    /// <param name="options">The retry delays.</param>
    /// <param name="maxAttempts">The export's attempts in all.</param>
    /// <param name="attempt">The attempt that failed, from 1.</param>
    /// <param name="retryable">Whether sending it again may succeed.</param>
    /// <param name="now">When it failed.</param>
    public static DateTimeOffset? RetryAt(ExportOptions options, int maxAttempts, int attempt, bool retryable, DateTimeOffset now)
    {
        if (!retryable || attempt >= maxAttempts)
        {
            return null;
        }

        // Doubling from the base, in ticks as a double so a long run of failures cannot overflow before the cap applies.
        var ticks = options.RetryDelay.Ticks * Math.Pow(2, attempt - 1);
        return now + (ticks >= options.MaxRetryDelay.Ticks ? options.MaxRetryDelay : TimeSpan.FromTicks((long)ticks));
    }
}
