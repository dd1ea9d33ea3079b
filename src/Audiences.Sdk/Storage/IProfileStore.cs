using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// Profile reads and id resolution, and the door to writing: every write of an import batch, a merge,
/// an undo or a lock goes through one <see cref="IProfileWriteSession"/> begun here, so the batch is
/// stored whole or not at all. Reads see committed sessions only.
/// </summary>
/// <remarks>
/// A store provides this contract beside the other focused contracts of <c>Audiences.Sdk.Storage</c>
/// (<see cref="IProfileQueryStore"/>, <see cref="IMergeLedger"/>, <see cref="IReviewQueue"/>,
/// <see cref="IFieldCatalog"/>, <see cref="IRelatedRecordStore"/>, <see cref="IChangeFeed"/>), all over the
/// same data; their writes join the sessions begun here.
/// Thread-safety: implementations must allow any number of concurrent readers alongside one
/// writer session; <see cref="BeginWriteAsync"/> waits while another writer session is open.
/// Every implementation must pass <c>ProfileStoreSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IProfileStore
{
    /// <summary>Opens the single writer session, waiting while another one is open.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A session whose writes become visible together when it commits.</returns>
    ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>Follows merges from <paramref name="id"/> to the live profile it resolves to.</summary>
    /// <returns>The live id (itself when never merged), or null when no profile ever had the id.</returns>
    ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default);

    /// <summary>Reads a profile by id; a merged id resolves to its survivor.</summary>
    /// <returns>The profile, or null when no profile ever had the id.</returns>
    ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default);

    /// <summary>Reads the oldest live profile of <paramref name="kind"/> that holds a normalized alias.</summary>
    /// <returns>The profile, or null when none holds the alias.</returns>
    ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default);

    /// <summary>Reads the live profile that holds a source record.</summary>
    /// <returns>The profile, or null when the record was never imported.</returns>
    ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default);

    /// <summary>Streams the live profiles of a kind in id order (oldest first).</summary>
    IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Counts the live profiles of a kind.</summary>
    ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default);
}
