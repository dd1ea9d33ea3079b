using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingRelatedRecordStore(IRelatedRecordStore inner) : IRelatedRecordStore
{
    /// <summary>The contract calls go to.</summary>
    protected IRelatedRecordStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(EntityKind ownerKind, IReadOnlyCollection<SourceRecordKey> ownerRecords, IReadOnlyCollection<AliasKey> ownerAliases, CancellationToken cancellationToken = default) =>
        Inner.ListRelatedRecordsAsync(ownerKind, ownerRecords, ownerAliases, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(EntityKind ownerKind, string type, CancellationToken cancellationToken = default) =>
        Inner.ListRelatedRecordsAsync(ownerKind, type, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask UpsertRelatedRecordAsync(IProfileWriteSession session, RelatedRecord record, CancellationToken cancellationToken = default) =>
        Inner.UpsertRelatedRecordAsync(session, record, cancellationToken);
}
