using Audiences.Sdk.Enrichment;

namespace Audiences.Sdk.Providers;

/// <summary>Calls the provider with its retries, rate limit and timeout; a call that still fails throws its last error.</summary>
internal sealed class ResilientEnrichmentProvider(IEnrichmentProvider inner, ProviderResilience resilience) : EnrichmentProviderDecorator(inner)
{
    public override async Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default) =>
        await resilience.ExecuteAsync(
            async token => await Inner.EnrichAsync(records, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
}
