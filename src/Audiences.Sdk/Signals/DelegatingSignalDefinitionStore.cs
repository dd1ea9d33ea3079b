namespace Audiences.Sdk.Signals;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingSignalDefinitionStore(ISignalDefinitionStore inner) : ISignalDefinitionStore
{
    /// <summary>The contract calls go to.</summary>
    protected ISignalDefinitionStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<SignalDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Inner.GetAsync(name, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<SignalDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        Inner.ListAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SaveAsync(SignalDefinition definition, CancellationToken cancellationToken = default) =>
        Inner.SaveAsync(definition, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        Inner.RemoveAsync(name, cancellationToken);
}
