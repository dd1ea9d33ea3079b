using System.Runtime.CompilerServices;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.InMemory.Columns;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// A profile store held in process memory: the reference adapter, and the fastest store for tests
/// and for hosts that rebuild their data on start. Nothing survives the process.
/// </summary>
/// <remarks>
/// Thread-safe. Readers take a short lock and see committed batches only; a write session buffers
/// its changes and applies them under the lock when it commits, so readers never see half a batch.
/// Filters run over a columnar copy of the current values (one table per kind, dictionary-encoded
/// text, numbers as doubles, date-times as ticks): a commit only notes the ids it changed, and the
/// first filter after it brings the columns up to date from the committed profiles, under the lock.
/// Each bound filter is compiled once into column scans over bitmaps.
/// </remarks>
public sealed class InMemoryProfileStore : IProfileStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly InMemoryState _state = new();
    private readonly InMemoryOverlay _overlay = new();
    private readonly ConditionalWeakTable<BoundFilter, RowFilter> _compiled = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock for "now" in filters (<c>within last</c>); <see cref="TimeProvider.System"/> when null.</param>
    public InMemoryProfileStore(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return new InMemoryWriteSession(this, _overlay, _state.LastVersion, _state.LastProfileId);
        }
    }

    /// <inheritdoc />
    public ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var live = _state.Resolve(id.Value);
            return ValueTask.FromResult<ProfileId?>(_state.Profiles.ContainsKey(live) ? new ProfileId(live) : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_state.Profiles.GetValueOrDefault(_state.Resolve(id.Value)));
        }
    }

    /// <inheritdoc />
    public ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var owners = _state.AliasOwners.GetValueOrDefault(new AliasIndexKey(kind, aliasKey));
            return ValueTask.FromResult(owners is { Length: > 0 } ? _state.Profiles.GetValueOrDefault(owners[0]) : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(
                _state.SourceOwners.TryGetValue(key, out var owner) ? _state.Profiles.GetValueOrDefault(_state.Resolve(owner)) : null);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Profile[] snapshot;
        lock (_gate)
        {
            snapshot = _state.Profiles.Values.Where(p => p.Kind == kind).ToArray();
        }

        Array.Sort(snapshot, (a, b) => a.Id.CompareTo(b.Id));
        foreach (var profile in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return profile;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult((long)_state.Profiles.Values.Count(p => p.Kind == kind));
        }
    }

    /// <inheritdoc />
    public ValueTask<long> CountProfilesAsync(BoundFilter filter, CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter);
        cancellationToken.ThrowIfCancellationRequested();
        var compiled = Compile(filter);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            return ValueTask.FromResult(ColumnQuery.Count(_state.Columns(filter.Kind), compiled, now));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Profile> ListProfilesAsync(
        BoundFilter filter,
        ProfileId? afterId = null,
        int? limit = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter, limit);
        var compiled = Compile(filter);
        var now = _timeProvider.GetUtcNow();
        Profile[] snapshot;
        lock (_gate)
        {
            var ids = ColumnQuery.Ids(_state.Columns(filter.Kind), compiled, now, afterId?.Value ?? long.MinValue, limit ?? int.MaxValue);
            snapshot = new Profile[ids.Count];
            for (var i = 0; i < snapshot.Length; i++)
            {
                snapshot[i] = _state.Profiles[ids[i]];
            }
        }

        foreach (var profile in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return profile;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ProfileId> ListProfileIdsAsync(BoundFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        FilterPushdown.Validate(filter);
        var compiled = Compile(filter);
        var now = _timeProvider.GetUtcNow();
        IReadOnlyList<long> ids;
        lock (_gate)
        {
            ids = ColumnQuery.Ids(_state.Columns(filter.Kind), compiled, now, long.MinValue, int.MaxValue);
        }

        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ProfileId(id);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        MergeRecord[] snapshot;
        lock (_gate)
        {
            snapshot = _state.Merges.Where(m => m.Kind == kind).ToArray();
        }

        foreach (var merge in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return merge;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        SplitRecord[] snapshot;
        lock (_gate)
        {
            snapshot = _state.Splits.Where(s => s.Kind == kind).ToArray();
        }

        foreach (var split in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return split;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<MatchReview> ListReviewsAsync(
        EntityKind kind, ReviewStatus? status = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        MatchReview[] snapshot;
        lock (_gate)
        {
            snapshot = _state.Reviews.Values.Where(r => r.Kind == kind && (status is null || r.Status == status)).ToArray();
        }

        foreach (var review in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return review;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<MatchReview?> GetReviewAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_state.Reviews.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<FieldDefinition>>(FieldsOf(kind));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var fields = FieldsOf(kind);
            var filled = fields.ToDictionary(f => f.Key, _ => 0L, StringComparer.Ordinal);
            long total = 0;
            foreach (var profile in _state.Profiles.Values.Where(p => p.Kind == kind))
            {
                total++;
                foreach (var key in profile.Values.Keys)
                {
                    if (filled.TryGetValue(key, out var count))
                    {
                        filled[key] = count + 1;
                    }
                }
            }

            return ValueTask.FromResult<IReadOnlyList<FieldStatistics>>(
                fields.Select(f => new FieldStatistics(f, filled[f.Key], total)).ToArray());
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="type"/> is blank.</exception>
    public async IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind, string type, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        RelatedRecord[] matches;
        lock (_gate)
        {
            matches = [.. _state.Related.Values.Where(r => r.OwnerKind == ownerKind && string.Equals(r.Type, type, StringComparison.Ordinal))];
        }

        foreach (var record in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind,
        IReadOnlyCollection<SourceRecordKey> ownerRecords,
        IReadOnlyCollection<AliasKey> ownerAliases,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerRecords);
        ArgumentNullException.ThrowIfNull(ownerAliases);
        var records = new HashSet<SourceRecordKey>(ownerRecords);
        var aliases = new HashSet<AliasKey>(ownerAliases);
        RelatedRecord[] matches;
        lock (_gate)
        {
            matches = _state.Related.Values
                .Where(r => r.OwnerKind == ownerKind
                    && ((r.OwnerRecord is { } key && records.Contains(key)) || (r.OwnerAlias is { } alias && aliases.Contains(alias))))
                .OrderBy(r => r.Key.Source, StringComparer.Ordinal)
                .ThenBy(r => r.Key.ObjectName, StringComparer.Ordinal)
                .ThenBy(r => r.Key.ExternalId, StringComparer.Ordinal)
                .ToArray();
        }

        foreach (var record in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_state.LastVersion);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ProfileChange> ListChangedProfilesAsync(long sinceVersion, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var live = new List<ProfileChange>();
        var retired = new List<ProfileChange>();
        lock (_gate)
        {
            foreach (var entry in _state.Changes.Since(sinceVersion))
            {
                var profile = _state.Profiles.GetValueOrDefault(entry.Id);
                (profile is null ? retired : live).Add(new ProfileChange(new ProfileId(entry.Id), entry.Kind, entry.Version, profile));
            }
        }

        foreach (var change in live.Concat(retired))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return change;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Releases the writer gate. The data goes with the object.</summary>
    public void Dispose() => _writer.Dispose();

    // The four methods below serve the open write session. Only that session ever changes the
    // committed state (in Apply, on its own thread of control), so its reads need no lock; the lock
    // only keeps other readers from seeing a commit half-applied.

    /// <summary>The committed profile with an id, or null.</summary>
    internal Profile? CommittedProfile(long id) => _state.Profiles.GetValueOrDefault(id);

    /// <summary>The committed owner of a source record, or 0.</summary>
    internal long CommittedSourceOwner(SourceRecordKey key) => _state.SourceOwners.GetValueOrDefault(key);

    /// <summary>The committed owners of an alias, oldest first (empty when none); never changed in place.</summary>
    internal long[] CommittedAliasOwners(AliasIndexKey key) => _state.AliasOwners.GetValueOrDefault(key) ?? [];

    /// <summary>Resolves an id through the session's redirects and the committed ones.</summary>
    internal long Resolve(long id, IReadOnlyDictionary<long, long> overlay) => _state.Resolve(id, overlay);

    /// <summary>Applies a committed session's changes under the lock.</summary>
    internal void Apply(Action<InMemoryState> apply)
    {
        lock (_gate)
        {
            apply(_state);
        }
    }

    /// <summary>Lets the next writer in.</summary>
    internal void ReleaseWriter() => _writer.Release();

    private RowFilter Compile(BoundFilter filter) => _compiled.GetValue(filter, static f => RowFilterCompiler.Compile(f.Filter));

    private FieldDefinition[] FieldsOf(EntityKind kind) =>
        _state.Fields.Values.Where(f => f.Kind == kind).OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
}
