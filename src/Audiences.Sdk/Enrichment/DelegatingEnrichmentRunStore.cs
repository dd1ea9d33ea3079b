namespace Audiences.Sdk.Enrichment;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingEnrichmentRunStore(IEnrichmentRunStore inner) : IEnrichmentRunStore
{
    /// <summary>The contract calls go to.</summary>
    protected IEnrichmentRunStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<EnrichmentRun> StartRunAsync(EnrichmentRun run, CancellationToken cancellationToken = default) =>
        Inner.StartRunAsync(run, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask FinishRunAsync(EnrichmentRun run, CancellationToken cancellationToken = default) =>
        Inner.FinishRunAsync(run, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<EnrichmentRun?> GetRunAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.GetRunAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<EnrichmentRun>> ListRunsAsync(string enrichment, int limit, CancellationToken cancellationToken = default) =>
        Inner.ListRunsAsync(enrichment, limit, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<int> DeleteRunsAsync(string enrichment, CancellationToken cancellationToken = default) =>
        Inner.DeleteRunsAsync(enrichment, cancellationToken);
}
