using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingProfileQueryStore(IProfileQueryStore inner) : IProfileQueryStore
{
    /// <summary>The contract calls go to.</summary>
    protected IProfileQueryStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<long> CountProfilesAsync(BoundFilter filter, CancellationToken cancellationToken = default) =>
        Inner.CountProfilesAsync(filter, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Profile> ListProfilesAsync(BoundFilter filter, ProfileId? afterId = null, int? limit = null, CancellationToken cancellationToken = default) =>
        Inner.ListProfilesAsync(filter, afterId, limit, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ProfileId> ListProfileIdsAsync(BoundFilter filter, CancellationToken cancellationToken = default) =>
        Inner.ListProfileIdsAsync(filter, cancellationToken);
}
