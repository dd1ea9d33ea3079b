using System.Threading.RateLimiting;
using Audiences.Sdk.Enrichment;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Audiences.Sdk.Providers;

/// <summary>
/// One provider's retries, rate limit and call timeout, on the host's <see cref="TimeProvider"/>. Each attempt waits
/// for a token of the provider's bucket first, so retries count against the limit too; the timeout covers the call
/// alone, not the wait for a token.
/// </summary>
internal sealed class ProviderResilience : IDisposable
{
    private readonly TokenBucketRateLimiter? _limiter;
    private readonly ITimer? _refill;

    public ProviderResilience(string provider, ProviderPipelineOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(Retry(provider, options, logger));
        }

        if (options.RequestsPerSecond is { } perSecond)
        {
            // Refilled by a timer of the host's clock rather than the limiter's own, so the limit follows that clock.
            _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = false,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            _refill = time.CreateTimer(static state => ((TokenBucketRateLimiter)state!).TryReplenish(), _limiter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            builder.AddRateLimiter(_limiter);
        }

        Pipeline = builder.AddTimeout(options.CallTimeout).Build();
    }

    /// <summary>Runs one call with the provider's retries, rate limit and timeout.</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>Whether a failure is one a retry may cure.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is ProviderUnavailableException or TimeoutException or TimeoutRejectedException;

    public void Dispose()
    {
        _refill?.Dispose();
        _limiter?.Dispose();
    }

    private static RetryStrategyOptions Retry(string provider, ProviderPipelineOptions options, ILogger logger) => new()
    {
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e)),
        MaxRetryAttempts = options.MaxRetries,
        Delay = options.RetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        // The backoff, or what the provider asked for when that is longer (null keeps Polly's backoff).
        DelayGenerator = args => ValueTask.FromResult(
            args.Outcome.Exception is ProviderUnavailableException { RetryAfter: { } after } && after > Backoff(options, args.AttemptNumber)
                ? after
                : (TimeSpan?)null),
        OnRetry = args =>
        {
            ProviderLog.Retrying(logger, provider, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "no reason given");
            return ValueTask.CompletedTask;
        },
    };

    /// <summary>The exponential backoff before retry <paramref name="attempt"/> (from 0), without its jitter.</summary>
    private static TimeSpan Backoff(ProviderPipelineOptions options, int attempt) => options.RetryDelay * Math.Pow(2, Math.Min(attempt, 30));
}
