using Audiences.Sdk.Enrichment;
using Microsoft.Extensions.Logging;
using Polly;
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
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _timeout;
    private readonly ClockTokenBucket? _bucket;

    public ProviderResilience(string provider, ProviderPipelineOptions options, TimeProvider time, ILogger logger)
    {
        _retry = options.MaxRetries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(Retry(provider, options, logger)).Build();
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.CallTimeout).Build();
        _bucket = options.RequestsPerSecond is { } perSecond ? new ClockTokenBucket(perSecond, time) : null;
    }

    /// <summary>Whether a failure is one a retry may cure.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is ProviderUnavailableException or TimeoutException or TimeoutRejectedException;

    /// <summary>Runs one call with the provider's retries, rate limit and timeout; a call that still fails throws its last error.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(
            async token =>
            {
                if (_bucket is not null)
                {
                    await _bucket.TakeAsync(token).ConfigureAwait(false);
                }

                return await _timeout.ExecuteAsync(async inner => await call(inner).ConfigureAwait(false), token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

    public void Dispose() => _bucket?.Dispose();

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
