using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// A store that passes every call to an inner store: derive from it to decorate a store (timing,
/// caching, fault injection) by overriding only the members that change.
/// </summary>
/// <param name="inner">The store calls go to.</param>
public abstract class DelegatingProfileStore(IProfileStore inner) : IProfileStore
{
    /// <summary>The store calls go to.</summary>
    protected IProfileStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
        Inner.BeginWriteAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        Inner.ResolveAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        Inner.GetProfileAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
        Inner.FindByAliasAsync(kind, aliasKey, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        Inner.FindBySourceRecordAsync(key, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.ListProfilesAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.CountProfilesAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<long> CountProfilesAsync(BoundFilter filter, CancellationToken cancellationToken = default) =>
        Inner.CountProfilesAsync(filter, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Profile> ListProfilesAsync(
        BoundFilter filter, ProfileId? afterId = null, int? limit = null, CancellationToken cancellationToken = default) =>
        Inner.ListProfilesAsync(filter, afterId, limit, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.ListMergesAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.ListSplitsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<MatchReview> ListReviewsAsync(EntityKind kind, ReviewStatus? status = null, CancellationToken cancellationToken = default) =>
        Inner.ListReviewsAsync(kind, status, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<MatchReview?> GetReviewAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.GetReviewAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.GetFieldsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.GetFieldStatisticsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind,
        IReadOnlyCollection<SourceRecordKey> ownerRecords,
        IReadOnlyCollection<AliasKey> ownerAliases,
        CancellationToken cancellationToken = default) =>
        Inner.ListRelatedRecordsAsync(ownerKind, ownerRecords, ownerAliases, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ProfileId> ListProfileIdsAsync(BoundFilter filter, CancellationToken cancellationToken = default) =>
        Inner.ListProfileIdsAsync(filter, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(EntityKind ownerKind, string type, CancellationToken cancellationToken = default) =>
        Inner.ListRelatedRecordsAsync(ownerKind, type, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default) =>
        Inner.GetLastVersionAsync(cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ProfileChange> ListChangedProfilesAsync(long sinceVersion, CancellationToken cancellationToken = default) =>
        Inner.ListChangedProfilesAsync(sinceVersion, cancellationToken);
}
