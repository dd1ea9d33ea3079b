namespace Audiences.Sdk.Providers;

/// <summary>
/// How enrichment and signal providers are called: each call's timeout, its retries, and how many calls a second a
/// provider takes. The same settings hold for every provider; each provider has its own rate limit.
/// </summary>
public sealed class ProviderPipelineOptions
{
    /// <summary>The most retries allowed.</summary>
    public const int MaxRetriesLimit = 20;

    /// <summary>The longest one call may take before it is cancelled and counts as failed (and is retried). Default 30 seconds.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many times a call that failed with a transient error (<c>ProviderUnavailableException</c>, a timeout) is
    /// retried before its records fail. Default 3.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles, with jitter, and is at least what the provider asked for. Default 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The most calls a second one provider is given (a token bucket: at most this many at once, refilled every
    /// second); calls over it wait their turn. Null (the default) for no limit.
    /// </summary>
    public int? RequestsPerSecond { get; set; }
}
