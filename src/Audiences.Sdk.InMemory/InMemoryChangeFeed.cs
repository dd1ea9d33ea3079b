using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>Change detection over an <see cref="InMemoryStore"/>'s version-ordered change log.</summary>
internal sealed class InMemoryChangeFeed(InMemoryStore store) : IChangeFeed
{
    public ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(state => state.LastVersion));

    public IAsyncEnumerable<ProfileChange> ListChangedProfilesAsync(long sinceVersion, CancellationToken cancellationToken = default)
    {
        var changes = store.Read(state =>
        {
            var live = new List<ProfileChange>();
            var retired = new List<ProfileChange>();
            foreach (var entry in state.Changes.Since(sinceVersion))
            {
                var profile = state.Profiles.GetValueOrDefault(entry.Id);
                (profile is null ? retired : live).Add(new ProfileChange(new ProfileId(entry.Id), entry.Kind, entry.Version, profile));
            }

            return live.Concat(retired).ToArray();
        });
        return Snapshot.StreamAsync(changes, cancellationToken);
    }
}
