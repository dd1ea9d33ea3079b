using Audiences.Sdk.Filtering;
using Audiences.Sdk.InMemory.Columns;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>Filters of an <see cref="InMemoryStore"/>, compiled once per bound filter into scans of its column tables.</summary>
internal sealed class InMemoryProfileQueries(InMemoryStore store) : IProfileQueryStore
{
    public ValueTask<long> CountProfilesAsync(BoundFilter filter, CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter);
        cancellationToken.ThrowIfCancellationRequested();
        var compiled = store.Compile(filter);
        var now = store.Time.GetUtcNow();
        return ValueTask.FromResult(store.Read(state => ColumnQuery.Count(state.Columns(filter.Kind), compiled, now)));
    }

    public IAsyncEnumerable<Profile> ListProfilesAsync(
        BoundFilter filter, ProfileId? afterId = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter, limit);
        var compiled = store.Compile(filter);
        var now = store.Time.GetUtcNow();
        var snapshot = store.Read(state =>
        {
            var ids = ColumnQuery.Ids(state.Columns(filter.Kind), compiled, now, afterId?.Value ?? long.MinValue, limit ?? int.MaxValue);
            var profiles = new Profile[ids.Count];
            for (var i = 0; i < profiles.Length; i++)
            {
                profiles[i] = state.Profiles[ids[i]];
            }

            return profiles;
        });
        return Snapshot.StreamAsync(snapshot, cancellationToken);
    }

    public IAsyncEnumerable<ProfileId> ListProfileIdsAsync(BoundFilter filter, CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter);
        var compiled = store.Compile(filter);
        var now = store.Time.GetUtcNow();
        var ids = store.Read(state => ColumnQuery.Ids(state.Columns(filter.Kind), compiled, now, long.MinValue, int.MaxValue));
        return Snapshot.StreamAsync(ids.Select(id => new ProfileId(id)).ToArray(), cancellationToken);
    }
}
