using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// Related records (opportunities, deals, activities) kept against the owner reference their source gives
/// (a source record key or a normalized alias); owners are resolved when read, so records may arrive before
/// their owner and follow it through merges. Records are written inside a write session.
/// </summary>
/// <remarks>
/// Thread-safety: reads run alongside the writer session. The session passed to <see cref="UpsertRelatedRecordAsync"/>
/// is one begun by the same store's <see cref="IProfileStore.BeginWriteAsync"/>, possibly wrapped in a
/// <see cref="DelegatingProfileWriteSession"/>. Every implementation must pass <c>RelatedRecordStoreSpecification</c>
/// in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IRelatedRecordStore
{
    /// <summary>
    /// Streams the related records whose owner reference names one of <paramref name="ownerRecords"/>
    /// or one of <paramref name="ownerAliases"/> (normalized), ordered by key.
    /// </summary>
    /// <param name="ownerKind">The kind of the owning profile.</param>
    /// <param name="ownerRecords">The owner's source record keys.</param>
    /// <param name="ownerAliases">The owner's normalized aliases.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind,
        IReadOnlyCollection<SourceRecordKey> ownerRecords,
        IReadOnlyCollection<AliasKey> ownerAliases,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every related record of one type and owner kind, each once, in an order of the store's
    /// choosing (owners are not resolved: the caller matches <see cref="RelatedRecord.OwnerRecord"/> and
    /// <see cref="RelatedRecord.OwnerAlias"/> to profiles, as filters over related records do in bulk).
    /// </summary>
    /// <param name="ownerKind">The kind of the owning profiles.</param>
    /// <param name="type">The related record type, e.g. <c>opportunities</c>.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(EntityKind ownerKind, string type, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a related record by its key (owner aliases already normalized), as part of <paramref name="session"/>.</summary>
    /// <param name="session">The open write session of this store.</param>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The session was begun by another store.</exception>
    ValueTask UpsertRelatedRecordAsync(IProfileWriteSession session, RelatedRecord record, CancellationToken cancellationToken = default);
}
