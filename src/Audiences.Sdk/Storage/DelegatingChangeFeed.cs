
namespace Audiences.Sdk.Storage;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingChangeFeed(IChangeFeed inner) : IChangeFeed
{
    /// <summary>The contract calls go to.</summary>
    protected IChangeFeed Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default) =>
        Inner.GetLastVersionAsync(cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ProfileChange> ListChangedProfilesAsync(long sinceVersion, CancellationToken cancellationToken = default) =>
        Inner.ListChangedProfilesAsync(sinceVersion, cancellationToken);
}
