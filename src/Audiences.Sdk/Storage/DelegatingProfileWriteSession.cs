using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// A write session that passes every call to an inner session: derive from it to decorate a
/// session by overriding only the members that change. Disposing it disposes the inner session.
/// </summary>
/// <remarks>
/// Decorate sessions only by deriving from this class: the other store contracts find the store's own session
/// behind it with <see cref="Unwrap{TSession}"/>. Their writes (merges, reviews, fields, related records) go to
/// that session directly, so a session decorator sees the session's own calls only; decorate those contracts
/// (<c>DecorateStore</c>) to see theirs.
/// </remarks>
/// <param name="inner">The session calls go to.</param>
public abstract class DelegatingProfileWriteSession(IProfileWriteSession inner) : IProfileWriteSession
{
    /// <summary>The session calls go to.</summary>
    protected IProfileWriteSession Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>
    /// Finds the session a store began beneath any number of decorators: the other store contracts receive
    /// the session their caller holds, which may be a decorated one, and call this to reach their own.
    /// </summary>
    /// <typeparam name="TSession">The store's own session type.</typeparam>
    /// <param name="session">The session as the caller passed it.</param>
    /// <returns>The store's session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is null.</exception>
    /// <exception cref="ArgumentException">The session was begun by another store (it is no <typeparamref name="TSession"/>, decorated or not).</exception>
    public static TSession Unwrap<TSession>(IProfileWriteSession session)
        where TSession : class, IProfileWriteSession
    {
        ArgumentNullException.ThrowIfNull(session);
        var current = session;
        while (true)
        {
            switch (current)
            {
                case TSession own:
                    return own;
                case DelegatingProfileWriteSession decorator:
                    current = decorator.Inner;
                    break;
                default:
                    throw new ArgumentException(
                        $"The write session is a {current.GetType().Name}, not a session of this store ({typeof(TSession).Name}); "
                        + "pass the session begun by the same store's IProfileStore.BeginWriteAsync.",
                        nameof(session));
            }
        }
    }

    /// <inheritdoc />
    public virtual long LastVersion => Inner.LastVersion;

    /// <inheritdoc />
    public virtual ValueTask<ProfileId> AllocateProfileIdAsync(CancellationToken cancellationToken = default) =>
        Inner.AllocateProfileIdAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Profile?> LoadAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        Inner.LoadAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        Inner.ResolveAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<ProfileId?> FindSourceRecordOwnerAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        Inner.FindSourceRecordOwnerAsync(key, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<ProfileId>> FindAliasOwnersAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
        Inner.FindAliasOwnersAsync(kind, aliasKey, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask WriteProfileAsync(ProfileWrite write, CancellationToken cancellationToken = default) =>
        Inner.WriteProfileAsync(write, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask RetireProfileAsync(ProfileId merged, ProfileId survivor, CancellationToken cancellationToken = default) =>
        Inner.RetireProfileAsync(merged, survivor, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask RestoreProfileAsync(ProfileId restored, IReadOnlyCollection<ProfileId> redirected, CancellationToken cancellationToken = default) =>
        Inner.RestoreProfileAsync(restored, redirected, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask CommitAsync(CancellationToken cancellationToken = default) =>
        Inner.CommitAsync(cancellationToken);

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
