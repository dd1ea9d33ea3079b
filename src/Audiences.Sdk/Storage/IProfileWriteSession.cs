using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// The single writer's unit of work, and the matcher's view of profiles, source records and aliases
/// inside it. Reads made through the session see its own uncommitted
/// writes; nothing is visible to other readers until <see cref="CommitAsync"/> returns, and
/// disposing without committing discards everything (also when the process dies).
/// </summary>
/// <remarks>
/// The writes of the other store contracts (<see cref="IMergeLedger"/>, <see cref="IReviewQueue"/>,
/// <see cref="IFieldCatalog"/>, <see cref="IRelatedRecordStore"/>) take the session as an argument and
/// commit or roll back with it. A store finds its own session behind decorators with
/// <see cref="DelegatingProfileWriteSession.Unwrap{TSession}"/>.
/// Not thread-safe: one caller drives a session at a time. Every implementation must pass
/// <c>ProfileWriteSessionSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IProfileWriteSession : IAsyncDisposable
{
    /// <summary>The highest change version committed before the session began.</summary>
    long LastVersion { get; }

    /// <summary>Hands out a new profile id, larger than every id the store has committed and every id this session handed out.</summary>
    ValueTask<ProfileId> AllocateProfileIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a live profile by id (no merge resolution: a merged id gives null).</summary>
    ValueTask<Profile?> LoadAsync(ProfileId id, CancellationToken cancellationToken = default);

    /// <summary>Follows merges from <paramref name="id"/> to the live profile it resolves to, or null.</summary>
    ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default);

    /// <summary>The live profile that owns a source record, or null.</summary>
    ValueTask<ProfileId?> FindSourceRecordOwnerAsync(SourceRecordKey key, CancellationToken cancellationToken = default);

    /// <summary>The live profiles of a kind that hold a normalized alias, oldest first.</summary>
    ValueTask<IReadOnlyList<ProfileId>> FindAliasOwnersAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates one profile and the source records and aliases the change names.</summary>
    /// <param name="write">The profile's new state; source records named in it become owned by the profile.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask WriteProfileAsync(ProfileWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Retires a profile merged into <paramref name="survivor"/>: the profile and its aliases are
    /// removed and its id (and every id that resolved to it) resolves to the survivor from now on.
    /// Its source records are moved by the survivor's <see cref="WriteProfileAsync"/> in the same session.
    /// </summary>
    ValueTask RetireProfileAsync(ProfileId merged, ProfileId survivor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Undoes a retirement: <paramref name="restored"/> stops resolving to another profile (the
    /// caller writes it as a new profile with that id in the same session), and each id in
    /// <paramref name="redirected"/> resolves to <paramref name="restored"/> again.
    /// </summary>
    /// <param name="restored">A retired id to bring back.</param>
    /// <param name="redirected">Ids that had been merged into <paramref name="restored"/> before it was retired.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask RestoreProfileAsync(ProfileId restored, IReadOnlyCollection<ProfileId> redirected, CancellationToken cancellationToken = default);

    /// <summary>Makes every write of the session durable and visible at once.</summary>
    ValueTask CommitAsync(CancellationToken cancellationToken = default);
}
