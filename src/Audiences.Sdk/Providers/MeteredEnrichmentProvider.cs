using Audiences.Sdk.Diagnostics;
using Audiences.Sdk.Enrichment;

namespace Audiences.Sdk.Providers;

/// <summary>Counts the records a provider looked up, found and failed, and the credits it charged, tagged with its name.</summary>
internal sealed class MeteredEnrichmentProvider(IEnrichmentProvider inner) : EnrichmentProviderDecorator(inner)
{
    public override async Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default)
    {
        var results = await Inner.EnrichAsync(records, cancellationToken).ConfigureAwait(false);
        var provider = new KeyValuePair<string, object?>("provider", Name);
        AudiencesTelemetry.EnrichmentRecords.Add(results.Count, provider);
        AudiencesTelemetry.EnrichmentFound.Add(results.Count(r => r.Outcome == EnrichmentOutcome.Found), provider);
        AudiencesTelemetry.EnrichmentFailed.Add(results.Count(r => r.Outcome == EnrichmentOutcome.Failed), provider);
        AudiencesTelemetry.EnrichmentCredits.Add((double)results.Sum(r => r.Credits), provider);
        return results;
    }
}
