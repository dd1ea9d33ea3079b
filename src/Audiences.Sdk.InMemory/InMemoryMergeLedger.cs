using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>The merge and split ledgers of an <see cref="InMemoryStore"/>.</summary>
internal sealed class InMemoryMergeLedger(InMemoryStore store) : IMergeLedger
{
    public IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Snapshot.StreamAsync(store.Read(state => state.Merges.Where(m => m.Kind == kind).ToArray()), cancellationToken);

    public IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Snapshot.StreamAsync(store.Read(state => state.Splits.Where(s => s.Kind == kind).ToArray()), cancellationToken);

    public ValueTask AppendMergeAsync(IProfileWriteSession session, MergeRecord merge, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).AppendMerge(merge);
        return ValueTask.CompletedTask;
    }

    public ValueTask AppendSplitAsync(IProfileWriteSession session, SplitRecord split, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).AppendSplit(split);
        return ValueTask.CompletedTask;
    }
}
