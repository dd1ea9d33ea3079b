using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingEnrichmentOutputStore(IEnrichmentOutputStore inner) : IEnrichmentOutputStore
{
    /// <summary>The contract calls go to.</summary>
    protected IEnrichmentOutputStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask AppendOutputsAsync(IReadOnlyList<EnrichmentRunOutput> outputs, CancellationToken cancellationToken = default) =>
        Inner.AppendOutputsAsync(outputs, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<EnrichmentRunOutput> ListOutputsAsync(long runId, CancellationToken cancellationToken = default) =>
        Inner.ListOutputsAsync(runId, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyDictionary<ProfileId, string>> FindLookupsAsync(
        string enrichment, IReadOnlyCollection<ProfileId> profiles, CancellationToken cancellationToken = default) =>
        Inner.FindLookupsAsync(enrichment, profiles, cancellationToken);
}
