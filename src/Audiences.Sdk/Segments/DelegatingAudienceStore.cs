using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate the audience store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingAudienceStore(IAudienceStore inner) : IAudienceStore
{
    /// <summary>The contract calls go to.</summary>
    protected IAudienceStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<IAudienceWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
        Inner.BeginWriteAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Audience?> GetAudienceAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.GetAudienceAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<Audience>> ListAudiencesAsync(CancellationToken cancellationToken = default) =>
        Inner.ListAudiencesAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<long> CountMembersAsync(long audienceId, MemberState state, CancellationToken cancellationToken = default) =>
        Inner.CountMembersAsync(audienceId, state, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<ProfileId>> ListMembersAsync(long audienceId, MemberState state, ProfileId? after, int limit, bool descending = false, CancellationToken cancellationToken = default) =>
        Inner.ListMembersAsync(audienceId, state, after, limit, descending, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<MemberState?> GetMemberStateAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default) =>
        Inner.GetMemberStateAsync(audienceId, profileId, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<(long AudienceId, MemberState State)>> GetMembershipsAsync(ProfileId profileId, CancellationToken cancellationToken = default) =>
        Inner.GetMembershipsAsync(profileId, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<MembershipChange>> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        Inner.ReadChangesAsync(afterSequence, limit, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<long> GetProcessedVersionAsync(CancellationToken cancellationToken = default) =>
        Inner.GetProcessedVersionAsync(cancellationToken);
}
