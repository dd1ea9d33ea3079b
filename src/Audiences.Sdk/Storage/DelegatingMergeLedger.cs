using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingMergeLedger(IMergeLedger inner) : IMergeLedger
{
    /// <summary>The contract calls go to.</summary>
    protected IMergeLedger Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.ListMergesAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.ListSplitsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask AppendMergeAsync(IProfileWriteSession session, MergeRecord merge, CancellationToken cancellationToken = default) =>
        Inner.AppendMergeAsync(session, merge, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask AppendSplitAsync(IProfileWriteSession session, SplitRecord split, CancellationToken cancellationToken = default) =>
        Inner.AppendSplitAsync(session, split, cancellationToken);
}
