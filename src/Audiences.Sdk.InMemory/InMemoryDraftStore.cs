using Audiences.Sdk.Drafts;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>The drafts of an <see cref="InMemoryStore"/>, apart from its profiles; each call is atomic under the store's lock.</summary>
internal sealed class InMemoryDraftStore(InMemoryStore store) : IDraftStore
{
    public ValueTask<Draft> CreateAsync(Draft draft, IReadOnlyList<SourceRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = records.ToArray();
        return ValueTask.FromResult(store.Write(state =>
        {
            var stored = draft with { Id = ++state.LastDraftId, RecordCount = copy.Length };
            state.Drafts.Add(stored.Id, stored);
            state.DraftRecords.Add(stored.Id, copy);
            return stored;
        }));
    }

    public ValueTask<Draft?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Read(state => state.Drafts.GetValueOrDefault(id)));
    }

    public ValueTask<IReadOnlyList<Draft>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<Draft>>(store.Read(state => state.Drafts.Values.Reverse().ToArray()));
    }

    public ValueTask<IReadOnlyList<SourceRecord>> ListRecordsAsync(long id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<SourceRecord>>(store.Read(state => state.Drafts.ContainsKey(id)
            ? state.DraftRecords.GetValueOrDefault(id) ?? []
            : throw Missing(id)));
    }

    public ValueTask<Draft> DecideAsync(long id, DraftStatus status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (status is not (DraftStatus.Committed or DraftStatus.Discarded))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A draft is decided committed or discarded.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state =>
        {
            var draft = state.Drafts.GetValueOrDefault(id) ?? throw Missing(id);
            if (draft.Status != DraftStatus.Open)
            {
                throw new InvalidOperationException($"Draft {id} is already {draft.Status.ToString().ToLowerInvariant()}; only an open draft is committed or discarded.");
            }

            var decided = draft with { Status = status, DecidedAt = at };
            state.Drafts[id] = decided;
            if (status == DraftStatus.Discarded)
            {
                state.DraftRecords.Remove(id);
            }

            return decided;
        }));
    }

    private static KeyNotFoundException Missing(long id) => new($"There is no draft {id}.");
}
