namespace Audiences.Sdk.Sync;

/// <summary>How syncs read their sources: retries, timeouts and how long a run may look alive.</summary>
public sealed class SyncOptions
{
    /// <summary>How many times a read that failed with a transient error is retried, from the last stored cursor. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles, with jitter, and is at least what the source asked for. Default 2 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait for the source's next batch before the read counts as failed (and is retried). Default 5 minutes.</summary>
    public TimeSpan BatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a run may be marked running before another process takes it for dead (a killed process never
    /// records its end) and starts a new one. Default 6 hours.
    /// </summary>
    public TimeSpan StaleRunAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The longest the scheduler sleeps between looks for due syncs, so syncs added elsewhere are seen. Default 1 minute.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
