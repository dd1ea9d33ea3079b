namespace Audiences.Sdk.Exports;

/// <summary>How exports run: how long a run may look alive, how failed records are retried, and how many records are handled at once.</summary>
public sealed class ExportOptions
{
    /// <summary>The most retries of one destination call allowed.</summary>
    public const int MaxCallRetriesLimit = 20;

    /// <summary>
    /// How long a run may be marked running before another process takes it for dead (a killed process never records
    /// its end) and starts a new one. Default 6 hours.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long after its first failed write a record is tried again, at a later run; each further failure doubles
    /// the wait, up to <see cref="MaxRetryDelay"/>. Default 15 minutes.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest wait before a failed record is tried again. Default 24 hours.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How many times a destination call that failed as a whole (down, rate-limited) is retried within the run before
    /// the records it carried fail (and wait for a later run). Default 3.
    /// </summary>
    public int CallRetries { get; set; } = 3;

    /// <summary>The first in-run retry's delay; each next one doubles, with jitter, and is at least what the destination asked for. Default 2 seconds.</summary>
    public TimeSpan CallRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most records read, planned and sent at once; a destination's own limits may make batches smaller. Default 1,000.</summary>
    public int BatchSize { get; set; } = 1_000;
}
