using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Providers;

/// <summary>A step of the pipeline around an enrichment provider: it describes itself as the provider it wraps.</summary>
internal abstract class EnrichmentProviderDecorator(IEnrichmentProvider inner) : IEnrichmentProvider
{
    protected IEnrichmentProvider Inner { get; } = inner;

    public string Name => Inner.Name;

    public EntityKind Kind => Inner.Kind;

    public IReadOnlyList<string> Inputs => Inner.Inputs;

    public IReadOnlyList<EnrichmentOutput> Outputs => Inner.Outputs;

    public decimal CreditsPerRecord => Inner.CreditsPerRecord;

    public int MaxBatchSize => Inner.MaxBatchSize;

    public abstract Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default);
}
