using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// A write session of an <see cref="InMemoryStore"/>: changes go to overlay tables that the
/// session's own reads consult first, and reach the committed state in one step on commit.
/// </summary>
internal sealed partial class InMemoryWriteSession(InMemoryStore store, InMemoryOverlay overlay, long lastVersion, long lastProfileId)
    : IProfileWriteSession
{
    private readonly Dictionary<long, Profile?> _profiles = overlay.Profiles;
    private readonly Dictionary<long, long> _redirects = overlay.Redirects;
    private readonly Dictionary<AliasIndexKey, long[]> _aliasOwners = overlay.AliasOwners;
    private readonly Dictionary<SourceRecordKey, long> _sourceOwners = overlay.SourceOwners;
    private readonly List<MergeRecord> _merges = overlay.Merges;
    private readonly List<SplitRecord> _splits = overlay.Splits;
    private readonly List<FieldDefinition> _fields = overlay.Fields;
    private readonly List<RelatedRecord> _related = overlay.Related;
    private long _lastProfileId = lastProfileId;
    private long _maxVersion = lastVersion;
    private bool _done;

    public long LastVersion { get; } = lastVersion;

    /// <summary>The store that began the session.</summary>
    internal InMemoryStore Store => store;

    public ValueTask<ProfileId> AllocateProfileIdAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return ValueTask.FromResult(new ProfileId(++_lastProfileId));
    }

    public ValueTask<Profile?> LoadAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        return ValueTask.FromResult(Load(id.Value));
    }

    public ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        var live = Resolve(id.Value);
        return ValueTask.FromResult<ProfileId?>(Load(live) is null ? null : new ProfileId(live));
    }

    public ValueTask<ProfileId?> FindSourceRecordOwnerAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        if (!_sourceOwners.TryGetValue(key, out var owner))
        {
            owner = store.CommittedSourceOwner(key);
            if (owner == 0)
            {
                return ValueTask.FromResult<ProfileId?>(null);
            }
        }

        var live = Resolve(owner);
        return ValueTask.FromResult<ProfileId?>(Load(live) is null ? null : new ProfileId(live));
    }

    public ValueTask<IReadOnlyList<ProfileId>> FindAliasOwnersAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        var owners = Owners(new AliasIndexKey(kind, aliasKey));
        if (owners.Length == 0)
        {
            return ValueTask.FromResult<IReadOnlyList<ProfileId>>([]);
        }

        var ids = new ProfileId[owners.Length];
        for (var i = 0; i < owners.Length; i++)
        {
            ids[i] = new ProfileId(owners[i]);
        }

        return ValueTask.FromResult<IReadOnlyList<ProfileId>>(ids);
    }

    public ValueTask WriteProfileAsync(ProfileWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        EnsureOpen();
        if (write.IsNew)
        {
            WriteNew(write);
            return ValueTask.CompletedTask;
        }

        var existing = Load(write.Id.Value)
            ?? throw new InvalidOperationException($"Profile {write.Id} is not live; it cannot be updated.");

        var sources = existing.Sources.ToDictionary(s => s.Key);
        foreach (var released in write.ReleasedSources)
        {
            sources.Remove(released);
        }

        foreach (var source in write.UpsertedSources)
        {
            sources[source.Key] = source;
            _sourceOwners[source.Key] = write.Id.Value;
        }

        var aliases = existing.Aliases.Except(write.RemovedAliases).ToList();
        foreach (var alias in write.AddedAliases.Where(a => !aliases.Contains(a)))
        {
            aliases.Add(alias);
        }

        foreach (var alias in write.RemovedAliases)
        {
            RemoveOwner(new AliasIndexKey(write.Kind, alias), write.Id.Value);
        }

        foreach (var alias in write.AddedAliases)
        {
            AddOwner(new AliasIndexKey(write.Kind, alias), write.Id.Value);
        }

        var ordered = sources.Values
            .OrderBy(s => s.FirstSeenVersion)
            .ThenBy(s => s.Key.ToString(), StringComparer.Ordinal)
            .ToArray();
        _profiles[write.Id.Value] = new Profile(write.Id, write.Kind, write.Version, write.CreatedAt, write.Values, aliases, ordered);
        _lastProfileId = Math.Max(_lastProfileId, write.Id.Value);
        _maxVersion = Math.Max(_maxVersion, write.Version);
        return ValueTask.CompletedTask;
    }

    /// <summary>The common path of an import: a profile with its first source records, kept lean.</summary>
    private void WriteNew(ProfileWrite write)
    {
        var id = write.Id.Value;
        foreach (var source in write.UpsertedSources)
        {
            _sourceOwners[source.Key] = id;
        }

        var aliases = new AliasKey[write.AddedAliases.Count];
        var count = 0;
        foreach (var alias in write.AddedAliases)
        {
            if (Array.IndexOf(aliases, alias, 0, count) < 0)
            {
                aliases[count++] = alias;
                AddOwner(new AliasIndexKey(write.Kind, alias), id);
            }
        }

        Array.Resize(ref aliases, count);

        var sources = write.UpsertedSources.Count == 1
            ? [write.UpsertedSources[0]]
            : write.UpsertedSources.OrderBy(s => s.FirstSeenVersion).ThenBy(s => s.Key.ToString(), StringComparer.Ordinal).ToArray();
        _profiles[id] = new Profile(write.Id, write.Kind, write.Version, write.CreatedAt, write.Values, aliases, sources);
        _lastProfileId = Math.Max(_lastProfileId, id);
        _maxVersion = Math.Max(_maxVersion, write.Version);
    }

    public ValueTask RetireProfileAsync(ProfileId merged, ProfileId survivor, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        if (merged == survivor)
        {
            throw new ArgumentException($"Profile {merged} cannot be merged into itself.", nameof(survivor));
        }

        var profile = Load(merged.Value) ?? throw new InvalidOperationException($"Profile {merged} is not live; it cannot be merged.");
        foreach (var alias in profile.Aliases)
        {
            RemoveOwner(new AliasIndexKey(profile.Kind, alias), merged.Value);
        }

        _profiles[merged.Value] = null;
        _redirects[merged.Value] = survivor.Value;
        return ValueTask.CompletedTask;
    }

    internal void AppendMerge(MergeRecord merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        EnsureOpen();
        _merges.Add(merge);
        _maxVersion = Math.Max(_maxVersion, merge.Version);
    }

    public ValueTask RestoreProfileAsync(ProfileId restored, IReadOnlyCollection<ProfileId> redirected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redirected);
        EnsureOpen();
        if (Load(restored.Value) is not null || Resolve(restored.Value) == restored.Value)
        {
            throw new InvalidOperationException($"Profile {restored} was not merged into another profile; there is nothing to restore.");
        }

        _redirects[restored.Value] = 0;
        foreach (var id in redirected)
        {
            _redirects[id.Value] = restored.Value;
        }

        return ValueTask.CompletedTask;
    }

    internal void AppendSplit(SplitRecord split)
    {
        ArgumentNullException.ThrowIfNull(split);
        EnsureOpen();
        _splits.Add(split);
        _maxVersion = Math.Max(_maxVersion, split.Version);
    }

    internal void UpsertReview(MatchReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        EnsureOpen();
        overlay.Reviews[review.Id] = review;
        _maxVersion = Math.Max(_maxVersion, review.Id);
    }

    internal void UpsertField(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        EnsureOpen();
        _fields.Add(field);
    }

    internal void UpsertRelatedRecord(RelatedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureOpen();
        _related.Add(record);
    }

    internal void SaveSyncCursor(string sync, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(sync);
        EnsureOpen();
        overlay.SyncCursors[sync] = cursor;
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        cancellationToken.ThrowIfCancellationRequested();
        store.Apply(state => overlay.ApplyTo(state, _maxVersion, _lastProfileId));
        _done = true;
        overlay.Clear();
        store.ReleaseWriter();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!_done)
        {
            _done = true;
            overlay.Clear();
            store.ReleaseWriter();
        }

        return ValueTask.CompletedTask;
    }

    private Profile? Load(long id) =>
        _profiles.TryGetValue(id, out var profile) ? profile : store.CommittedProfile(id);

    private long Resolve(long id) => store.Resolve(id, _redirects);

    /// <summary>The owners of an alias as this session sees them, oldest first.</summary>
    private long[] Owners(AliasIndexKey key) =>
        _aliasOwners.TryGetValue(key, out var owners) ? owners : store.CommittedAliasOwners(key);

    private void AddOwner(AliasIndexKey key, long id)
    {
        var owners = Owners(key);
        var at = Array.BinarySearch(owners, id);
        if (at < 0)
        {
            at = ~at;
            var grown = new long[owners.Length + 1];
            owners.AsSpan(0, at).CopyTo(grown);
            grown[at] = id;
            owners.AsSpan(at).CopyTo(grown.AsSpan(at + 1));
            _aliasOwners[key] = grown;
        }
    }

    private void RemoveOwner(AliasIndexKey key, long id)
    {
        var owners = Owners(key);
        var at = Array.BinarySearch(owners, id);
        if (at >= 0)
        {
            _aliasOwners[key] = [.. owners.AsSpan(0, at), .. owners.AsSpan(at + 1)];
        }
    }

    private void EnsureOpen() =>
        ObjectDisposedException.ThrowIf(_done, this);
}
