using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>Profile reads, id resolution and write sessions of an <see cref="InMemoryStore"/>.</summary>
internal sealed class InMemoryProfileStore(InMemoryStore store) : IProfileStore
{
    public ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
        store.BeginWriteAsync(cancellationToken);

    public ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read<ProfileId?>(state =>
        {
            var live = state.Resolve(id.Value);
            return state.Profiles.ContainsKey(live) ? new ProfileId(live) : null;
        }));

    public ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(state => state.Profiles.GetValueOrDefault(state.Resolve(id.Value))));

    public ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(state =>
            state.AliasOwners.GetValueOrDefault(new AliasIndexKey(kind, aliasKey)) is { Length: > 0 } owners
                ? state.Profiles.GetValueOrDefault(owners[0])
                : null));

    public ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(state =>
            state.SourceOwners.TryGetValue(key, out var owner) ? state.Profiles.GetValueOrDefault(state.Resolve(owner)) : null));

    public IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Read(state => state.Profiles.Values.Where(p => p.Kind == kind).ToArray());
        Array.Sort(snapshot, (a, b) => a.Id.CompareTo(b.Id));
        return Snapshot.StreamAsync(snapshot, cancellationToken);
    }

    public ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(state => (long)state.Profiles.Values.Count(p => p.Kind == kind)));
}
