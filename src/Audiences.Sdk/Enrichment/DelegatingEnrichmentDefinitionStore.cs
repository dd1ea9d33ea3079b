namespace Audiences.Sdk.Enrichment;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingEnrichmentDefinitionStore(IEnrichmentDefinitionStore inner) : IEnrichmentDefinitionStore
{
    /// <summary>The contract calls go to.</summary>
    protected IEnrichmentDefinitionStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<EnrichmentDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Inner.GetAsync(name, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<EnrichmentDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        Inner.ListAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SaveAsync(EnrichmentDefinition definition, CancellationToken cancellationToken = default) =>
        Inner.SaveAsync(definition, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        Inner.RemoveAsync(name, cancellationToken);
}
