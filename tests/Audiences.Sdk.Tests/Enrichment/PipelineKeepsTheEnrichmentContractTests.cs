using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Providers;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.Logging.Abstractions;
using static Audiences.Sdk.Tests.Enrichment.ScriptedEnrichmentProvider;

namespace Audiences.Sdk.Tests.Enrichment;

/// <summary>A provider keeping the contract still keeps it inside the pipeline, and so does a waterfall of such providers.</summary>
public class PipelineKeepsTheEnrichmentContractTests : EnrichmentProviderSpecification
{
    protected override IReadOnlyList<EnrichmentRequest> RecordsToFind { get; } = [Request(1, "found@a.com"), Request(2, "found@b.com"), Request(3, "found@c.com")];

    protected override IReadOnlyList<EnrichmentRequest> RecordsNotToFind { get; } = [Request(4, "nobody@d.com")];

    protected override Task<IEnrichmentProvider> CreateProviderAsync()
    {
        var catalog = new ProviderCatalog(
            [new ScriptedEnrichmentProvider("first") { MaxBatchSize = 2 }, new ScriptedEnrichmentProvider("second")],
            [],
            new ProviderPipelineOptions(),
            TimeProvider.System,
            NullLogger.Instance);
        return Task.FromResult(catalog.GetWaterfall("emails", ["first", "second"]));
    }
}
