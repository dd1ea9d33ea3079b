using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>The related records of an <see cref="InMemoryStore"/>, kept by key with their owner references.</summary>
internal sealed class InMemoryRelatedRecordStore(InMemoryStore store) : IRelatedRecordStore
{
    /// <exception cref="ArgumentException"><paramref name="type"/> is blank.</exception>
    public IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(EntityKind ownerKind, string type, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return Snapshot.StreamAsync(
            store.Read(state => state.Related.Values.Where(r => r.OwnerKind == ownerKind && string.Equals(r.Type, type, StringComparison.Ordinal)).ToArray()),
            cancellationToken);
    }

    public IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind,
        IReadOnlyCollection<SourceRecordKey> ownerRecords,
        IReadOnlyCollection<AliasKey> ownerAliases,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerRecords);
        ArgumentNullException.ThrowIfNull(ownerAliases);
        var records = new HashSet<SourceRecordKey>(ownerRecords);
        var aliases = new HashSet<AliasKey>(ownerAliases);
        var matches = store.Read(state => state.Related.Values
            .Where(r => r.OwnerKind == ownerKind
                && ((r.OwnerRecord is { } key && records.Contains(key)) || (r.OwnerAlias is { } alias && aliases.Contains(alias))))
            .OrderBy(r => r.Key.Source, StringComparer.Ordinal)
            .ThenBy(r => r.Key.ObjectName, StringComparer.Ordinal)
            .ThenBy(r => r.Key.ExternalId, StringComparer.Ordinal)
            .ToArray());
        return Snapshot.StreamAsync(matches, cancellationToken);
    }

    public ValueTask UpsertRelatedRecordAsync(IProfileWriteSession session, RelatedRecord record, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).UpsertRelatedRecord(record);
        return ValueTask.CompletedTask;
    }
}
