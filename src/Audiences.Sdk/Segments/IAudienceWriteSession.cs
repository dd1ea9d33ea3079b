using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// The audience store's writer unit of work: reads through the session see its own writes; nothing
/// is visible to others until <see cref="CommitAsync"/>, and disposing without committing discards everything.
/// </summary>
/// <remarks>Not thread-safe: one caller drives a session at a time.</remarks>
public interface IAudienceWriteSession : IAsyncDisposable
{
    /// <summary>Hands out a new audience id, larger than every id ever used in the store.</summary>
    ValueTask<long> AllocateAudienceIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads an audience by id as the session sees it, or null.</summary>
    ValueTask<Audience?> GetAudienceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Inserts an audience or replaces the one with the same id.</summary>
    ValueTask SaveAudienceAsync(Audience audience, CancellationToken cancellationToken = default);

    /// <summary>Deletes an audience with its members; its feed entries stay.</summary>
    ValueTask DeleteAudienceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The state of a profile in an audience as the session sees it, or null when it is not a member.</summary>
    ValueTask<MemberState?> GetMemberStateAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default);

    /// <summary>Every membership of a profile as the session sees it, ordered by audience id.</summary>
    ValueTask<IReadOnlyList<(long AudienceId, MemberState State)>> GetMembershipsAsync(ProfileId profileId, CancellationToken cancellationToken = default);

    /// <summary>Makes a profile a member in <paramref name="state"/>, or changes its state; null removes it.</summary>
    ValueTask SetMemberStateAsync(long audienceId, ProfileId profileId, MemberState? state, CancellationToken cancellationToken = default);

    /// <summary>Appends a feed entry; the store assigns the next sequence number (the given one is ignored).</summary>
    /// <returns>The entry as stored, with its sequence.</returns>
    ValueTask<MembershipChange> AppendChangeAsync(MembershipChange change, CancellationToken cancellationToken = default);

    /// <summary>Records the profile change version membership has been brought up to.</summary>
    ValueTask SetProcessedVersionAsync(long version, CancellationToken cancellationToken = default);

    /// <summary>Makes every write of the session durable and visible at once.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken = default);
}
