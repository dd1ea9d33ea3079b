using Audiences.Sdk.Destinations;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>
/// Retries a destination call that failed as a whole (down, rate-limited) a few times within the run, with an
/// exponential backoff that waits at least as long as the destination asked, on the host's <see cref="TimeProvider"/>.
/// A call that still fails throws its last error.
/// </summary>
internal sealed class DestinationCalls
{
    private readonly ResiliencePipeline _retry;

    public DestinationCalls(string export, ExportOptions options, TimeProvider time, ILogger logger)
    {
        _retry = options.CallRetries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(Retry(export, options, logger)).Build();
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async token => await call(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private static RetryStrategyOptions Retry(string export, ExportOptions options, ILogger logger) => new()
    {
        // Refused credentials or settings stay refused: only a transient failure is tried again.
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is DestinationUnavailableException { Transient: true }),
        MaxRetryAttempts = options.CallRetries,
        Delay = options.CallRetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        // The backoff, or what the destination asked for when that is longer (null keeps Polly's backoff).
        DelayGenerator = args => ValueTask.FromResult(
            args.Outcome.Exception is DestinationUnavailableException { RetryAfter: { } after } && after > Backoff(options, args.AttemptNumber)
                ? after
                : (TimeSpan?)null),
        OnRetry = args =>
        {
            ExportLog.CallRetrying(logger, export, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "no reason given");
            return ValueTask.CompletedTask;
        },
    };

    /// <summary>The exponential backoff before retry <paramref name="attempt"/> (from 0), without its jitter.</summary>
    private static TimeSpan Backoff(ExportOptions options, int attempt) => options.CallRetryDelay * Math.Pow(2, Math.Min(attempt, 20));
}
