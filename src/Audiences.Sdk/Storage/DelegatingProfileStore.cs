using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingProfileStore(IProfileStore inner) : IProfileStore
{
    /// <summary>The contract calls go to.</summary>
    protected IProfileStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
        Inner.BeginWriteAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        Inner.ResolveAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        Inner.GetProfileAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
        Inner.FindByAliasAsync(kind, aliasKey, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        Inner.FindBySourceRecordAsync(key, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.ListProfilesAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.CountProfilesAsync(kind, cancellationToken);
}
