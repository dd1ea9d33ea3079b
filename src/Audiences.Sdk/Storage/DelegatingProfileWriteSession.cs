using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// A write session that passes every call to an inner session: derive from it to decorate a
/// session by overriding only the members that change. Disposing it disposes the inner session.
/// </summary>
/// <param name="inner">The session calls go to.</param>
public abstract class DelegatingProfileWriteSession(IProfileWriteSession inner) : IProfileWriteSession
{
    /// <summary>The session calls go to.</summary>
    protected IProfileWriteSession Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual long LastVersion => Inner.LastVersion;

    /// <inheritdoc />
    public virtual ValueTask<ProfileId> AllocateProfileIdAsync(CancellationToken cancellationToken = default) =>
        Inner.AllocateProfileIdAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Profile?> LoadAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        Inner.LoadAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        Inner.ResolveAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<ProfileId?> FindSourceRecordOwnerAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        Inner.FindSourceRecordOwnerAsync(key, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<ProfileId>> FindAliasOwnersAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
        Inner.FindAliasOwnersAsync(kind, aliasKey, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask WriteProfileAsync(ProfileWrite write, CancellationToken cancellationToken = default) =>
        Inner.WriteProfileAsync(write, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask RetireProfileAsync(ProfileId merged, ProfileId survivor, CancellationToken cancellationToken = default) =>
        Inner.RetireProfileAsync(merged, survivor, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask AppendMergeAsync(MergeRecord merge, CancellationToken cancellationToken = default) =>
        Inner.AppendMergeAsync(merge, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask RestoreProfileAsync(ProfileId restored, IReadOnlyCollection<ProfileId> redirected, CancellationToken cancellationToken = default) =>
        Inner.RestoreProfileAsync(restored, redirected, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask AppendSplitAsync(SplitRecord split, CancellationToken cancellationToken = default) =>
        Inner.AppendSplitAsync(split, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask UpsertReviewAsync(MatchReview review, CancellationToken cancellationToken = default) =>
        Inner.UpsertReviewAsync(review, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask UpsertFieldAsync(FieldDefinition field, CancellationToken cancellationToken = default) =>
        Inner.UpsertFieldAsync(field, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask UpsertRelatedRecordAsync(RelatedRecord record, CancellationToken cancellationToken = default) =>
        Inner.UpsertRelatedRecordAsync(record, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask CommitAsync(CancellationToken cancellationToken = default) =>
        Inner.CommitAsync(cancellationToken);

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}
