using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// Passes every call to an inner audience write session: derive from it to decorate a session by overriding only
/// the members that change. Disposing it disposes the inner session.
/// </summary>
/// <param name="inner">The session calls go to.</param>
public abstract class DelegatingAudienceWriteSession(IAudienceWriteSession inner) : IAudienceWriteSession
{
    /// <summary>The contract calls go to.</summary>
    protected IAudienceWriteSession Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<long> AllocateAudienceIdAsync(CancellationToken cancellationToken = default) =>
        Inner.AllocateAudienceIdAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Audience?> GetAudienceAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.GetAudienceAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SaveAudienceAsync(Audience audience, CancellationToken cancellationToken = default) =>
        Inner.SaveAudienceAsync(audience, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask DeleteAudienceAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.DeleteAudienceAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<MemberState?> GetMemberStateAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default) =>
        Inner.GetMemberStateAsync(audienceId, profileId, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<(long AudienceId, MemberState State)>> GetMembershipsAsync(ProfileId profileId, CancellationToken cancellationToken = default) =>
        Inner.GetMembershipsAsync(profileId, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SetMemberStateAsync(long audienceId, ProfileId profileId, MemberState? state, CancellationToken cancellationToken = default) =>
        Inner.SetMemberStateAsync(audienceId, profileId, state, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<MembershipChange> AppendChangeAsync(MembershipChange change, CancellationToken cancellationToken = default) =>
        Inner.AppendChangeAsync(change, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SetProcessedVersionAsync(long version, CancellationToken cancellationToken = default) =>
        Inner.SetProcessedVersionAsync(version, cancellationToken);

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
