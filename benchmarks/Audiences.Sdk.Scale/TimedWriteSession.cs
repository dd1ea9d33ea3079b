using System.Diagnostics;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Scale;

/// <summary>
/// Passes every call to the store's own write session and adds its time to <see cref="StageTimes"/>,
/// so an import's time splits into store work and everything else (matching, survivorship, batching).
/// </summary>
/// <remarks>The timestamp is taken before the call starts, because a store may do all its work synchronously.</remarks>
internal sealed class TimedWriteSession(IProfileWriteSession inner, StageTimes times) : IProfileWriteSession
{
    public long LastVersion => inner.LastVersion;

    public async ValueTask<ProfileId> AllocateProfileIdAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var id = await inner.AllocateProfileIdAsync(cancellationToken);
        times.Add("AllocateProfileId", started);
        return id;
    }

    public async ValueTask<Profile?> LoadAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var profile = await inner.LoadAsync(id, cancellationToken);
        times.Add("Load", started);
        return profile;
    }

    public async ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var live = await inner.ResolveAsync(id, cancellationToken);
        times.Add("Resolve", started);
        return live;
    }

    public async ValueTask<ProfileId?> FindSourceRecordOwnerAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var owner = await inner.FindSourceRecordOwnerAsync(key, cancellationToken);
        times.Add("FindSourceRecordOwner", started);
        return owner;
    }

    public async ValueTask<IReadOnlyList<ProfileId>> FindAliasOwnersAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var owners = await inner.FindAliasOwnersAsync(kind, aliasKey, cancellationToken);
        times.Add("FindAliasOwners", started);
        return owners;
    }

    public async ValueTask WriteProfileAsync(ProfileWrite write, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.WriteProfileAsync(write, cancellationToken);
        times.Add("WriteProfile", started);
    }

    public async ValueTask RetireProfileAsync(ProfileId merged, ProfileId survivor, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.RetireProfileAsync(merged, survivor, cancellationToken);
        times.Add("RetireProfile", started);
    }

    public async ValueTask AppendMergeAsync(MergeRecord merge, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.AppendMergeAsync(merge, cancellationToken);
        times.Add("AppendMerge", started);
    }

    public ValueTask RestoreProfileAsync(ProfileId restored, IReadOnlyCollection<ProfileId> redirected, CancellationToken cancellationToken = default) =>
        inner.RestoreProfileAsync(restored, redirected, cancellationToken);

    public ValueTask AppendSplitAsync(SplitRecord split, CancellationToken cancellationToken = default) =>
        inner.AppendSplitAsync(split, cancellationToken);

    public ValueTask UpsertReviewAsync(MatchReview review, CancellationToken cancellationToken = default) =>
        inner.UpsertReviewAsync(review, cancellationToken);

    public async ValueTask UpsertFieldAsync(FieldDefinition field, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.UpsertFieldAsync(field, cancellationToken);
        times.Add("UpsertField", started);
    }

    public async ValueTask UpsertRelatedRecordAsync(RelatedRecord record, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.UpsertRelatedRecordAsync(record, cancellationToken);
        times.Add("UpsertRelatedRecord", started);
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.CommitAsync(cancellationToken);
        times.Add("Commit", started);
    }

    public async ValueTask DisposeAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await inner.DisposeAsync();
        times.Add("DisposeSession", started);
    }
}
