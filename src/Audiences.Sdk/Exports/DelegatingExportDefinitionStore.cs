namespace Audiences.Sdk.Exports;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingExportDefinitionStore(IExportDefinitionStore inner) : IExportDefinitionStore
{
    /// <summary>The contract calls go to.</summary>
    protected IExportDefinitionStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<ExportDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Inner.GetAsync(name, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<ExportDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        Inner.ListAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SaveAsync(ExportDefinition definition, CancellationToken cancellationToken = default) =>
        Inner.SaveAsync(definition, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        Inner.RemoveAsync(name, cancellationToken);
}
