using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// Where audiences, their materialized memberships, archive marks and the membership change feed are
/// kept. A store adapter implements it beside its <see cref="Storage.IProfileStore"/>, usually over the
/// same database. Reads see committed sessions only; every write goes through an <see cref="IAudienceWriteSession"/>.
/// </summary>
/// <remarks>
/// Thread-safety: any number of readers alongside one writer session; <see cref="BeginWriteAsync"/>
/// waits while another session is open. Every implementation must pass <c>AudienceSpecification</c>
/// in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IAudienceStore
{
    /// <summary>Opens the single writer session, waiting while another one is open.</summary>
    /// <returns>A session whose writes become visible together when it commits.</returns>
    ValueTask<IAudienceWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads an audience by id.</summary>
    /// <returns>The audience, or null when there is none with the id (never created, or deleted).</returns>
    ValueTask<Audience?> GetAudienceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads every audience, ordered by id.</summary>
    ValueTask<IReadOnlyList<Audience>> ListAudiencesAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts an audience's members in one state (0 for an unknown audience).</summary>
    ValueTask<long> CountMembersAsync(long audienceId, MemberState state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads up to <paramref name="limit"/> members in one state in id order, starting after
    /// <paramref name="after"/> (from the first when null), or, when <paramref name="descending"/>,
    /// in reverse id order starting before it (from the last when null).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<ProfileId>> ListMembersAsync(
        long audienceId, MemberState state, ProfileId? after, int limit, bool descending = false, CancellationToken cancellationToken = default);

    /// <summary>The state of a profile in an audience, or null when it is not a member.</summary>
    ValueTask<MemberState?> GetMemberStateAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default);

    /// <summary>Every membership of a profile: the audiences it belongs to, with its state in each, ordered by audience id.</summary>
    ValueTask<IReadOnlyList<(long AudienceId, MemberState State)>> GetMembershipsAsync(ProfileId profileId, CancellationToken cancellationToken = default);

    /// <summary>Reads up to <paramref name="limit"/> feed entries with a sequence greater than <paramref name="afterSequence"/>, in sequence order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<MembershipChange>> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>The profile change version membership has been brought up to (0 before the first refresh).</summary>
    ValueTask<long> GetProcessedVersionAsync(CancellationToken cancellationToken = default);
}
