using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Providers;

/// <summary>
/// Composes the pipeline around a provider, outermost first: logging, telemetry, validation (batch splitting and
/// per-record isolation), resilience (retries, rate limit, timeout), then the provider. Validation sits outside the
/// retries so a batch is retried whole and fails alone once its retries are spent.
/// </summary>
internal static class ProviderPipeline
{
    public static IEnrichmentProvider Wrap(IEnrichmentProvider provider, ProviderResilience resilience, ILogger logger, TimeProvider time) =>
        new LoggingEnrichmentProvider(
            new MeteredEnrichmentProvider(
                new ValidatingEnrichmentProvider(
                    new ResilientEnrichmentProvider(provider, resilience), logger)),
            logger,
            time);

    public static ISignalProvider Wrap(ISignalProvider provider, ProviderResilience resilience, ILogger logger, TimeProvider time) =>
        new LoggingSignalProvider(
            new MeteredSignalProvider(
                new ValidatingSignalProvider(
                    new ResilientSignalProvider(provider, resilience), logger)),
            logger,
            time);
}
