using System.Diagnostics;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Scale;

/// <summary>
/// Passes every call to the store's own write session and adds its time to <see cref="StageTimes"/>,
/// so an import's time splits into store work and everything else (matching, survivorship, batching).
/// </summary>
/// <remarks>
/// The timestamp is taken before the call starts, because a store may do all its work synchronously. A delegating
/// session, so the store's other contracts find their own session behind it.
/// </remarks>
internal sealed class TimedWriteSession(IProfileWriteSession inner, StageTimes times) : DelegatingProfileWriteSession(inner)
{
    public override async ValueTask<ProfileId> AllocateProfileIdAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var id = await Inner.AllocateProfileIdAsync(cancellationToken);
        times.Add("AllocateProfileId", started);
        return id;
    }

    public override async ValueTask<Profile?> LoadAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var profile = await Inner.LoadAsync(id, cancellationToken);
        times.Add("Load", started);
        return profile;
    }

    public override async ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var live = await Inner.ResolveAsync(id, cancellationToken);
        times.Add("Resolve", started);
        return live;
    }

    public override async ValueTask<ProfileId?> FindSourceRecordOwnerAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var owner = await Inner.FindSourceRecordOwnerAsync(key, cancellationToken);
        times.Add("FindSourceRecordOwner", started);
        return owner;
    }

    public override async ValueTask<IReadOnlyList<ProfileId>> FindAliasOwnersAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var owners = await Inner.FindAliasOwnersAsync(kind, aliasKey, cancellationToken);
        times.Add("FindAliasOwners", started);
        return owners;
    }

    public override async ValueTask WriteProfileAsync(ProfileWrite write, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await Inner.WriteProfileAsync(write, cancellationToken);
        times.Add("WriteProfile", started);
    }

    public override async ValueTask RetireProfileAsync(ProfileId merged, ProfileId survivor, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await Inner.RetireProfileAsync(merged, survivor, cancellationToken);
        times.Add("RetireProfile", started);
    }

    public override async ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await Inner.CommitAsync(cancellationToken);
        times.Add("Commit", started);
    }

    public override async ValueTask DisposeAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await base.DisposeAsync();
        times.Add("DisposeSession", started);
    }
}
