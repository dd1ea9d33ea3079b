namespace Audiences.Sdk.Storage;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingSourceRecordIndex(ISourceRecordIndex inner) : ISourceRecordIndex
{
    /// <summary>The contract calls go to.</summary>
    protected ISourceRecordIndex Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual IAsyncEnumerable<string> ListExternalIdsAsync(string source, string objectName, CancellationToken cancellationToken = default) =>
        Inner.ListExternalIdsAsync(source, objectName, cancellationToken);
}
