using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// The merge and split ledgers: every merge the matcher made, with the alias and record that caused it,
/// and every merge undone. Entries are appended inside a write session and become visible when it commits.
/// </summary>
/// <remarks>
/// Thread-safety: reads run alongside the writer session. The session passed to the append methods is one
/// begun by the same store's <see cref="IProfileStore.BeginWriteAsync"/>, possibly wrapped in a
/// <see cref="DelegatingProfileWriteSession"/>. Every implementation must pass <c>MergeLedgerSpecification</c>
/// in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IMergeLedger
{
    /// <summary>Streams the merge ledger of a kind in the order the merges happened.</summary>
    IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Streams the split ledger (merges undone) of a kind in the order the splits happened.</summary>
    IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Appends an entry to the merge ledger as part of <paramref name="session"/>.</summary>
    /// <param name="session">The open write session of this store.</param>
    /// <param name="merge">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The session was begun by another store.</exception>
    ValueTask AppendMergeAsync(IProfileWriteSession session, MergeRecord merge, CancellationToken cancellationToken = default);

    /// <summary>Appends an entry to the split ledger as part of <paramref name="session"/>.</summary>
    /// <param name="session">The open write session of this store.</param>
    /// <param name="split">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The session was begun by another store.</exception>
    ValueTask AppendSplitAsync(IProfileWriteSession session, SplitRecord split, CancellationToken cancellationToken = default);
}
