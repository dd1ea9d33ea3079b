using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The uncommitted changes of a write session. One instance is reused by every session of a store
/// (there is one writer at a time), so its tables keep their capacity from batch to batch.
/// </summary>
internal sealed class InMemoryOverlay
{
    public Dictionary<long, Profile?> Profiles { get; } = [];

    /// <summary>Redirects set by the session; a target of 0 removes the committed redirect.</summary>
    public Dictionary<long, long> Redirects { get; } = [];

    public Dictionary<AliasIndexKey, long[]> AliasOwners { get; } = [];

    public Dictionary<SourceRecordKey, long> SourceOwners { get; } = [];

    public List<MergeRecord> Merges { get; } = [];

    public List<SplitRecord> Splits { get; } = [];

    public Dictionary<long, MatchReview> Reviews { get; } = [];

    public List<FieldDefinition> Fields { get; } = [];

    public List<RelatedRecord> Related { get; } = [];

    /// <summary>Sync cursors saved in the session, by sync name (ignoring case).</summary>
    public Dictionary<string, string?> SyncCursors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Forgets every change, keeping the tables' capacity for the next session.</summary>
    public void Clear()
    {
        Profiles.Clear();
        Redirects.Clear();
        AliasOwners.Clear();
        SourceOwners.Clear();
        Merges.Clear();
        Splits.Clear();
        Reviews.Clear();
        Fields.Clear();
        Related.Clear();
        SyncCursors.Clear();
    }

    /// <summary>Applies the changes to the committed state; the caller holds the store's lock.</summary>
    public void ApplyTo(InMemoryState state, long maxVersion, long lastProfileId)
    {
        state.Changes.Append(ChangeEntries(state, maxVersion));
        foreach (var (id, profile) in Profiles)
        {
            if (profile is null)
            {
                state.Profiles.Remove(id);
            }
            else
            {
                state.Profiles[id] = profile;
            }
        }

        state.ColumnTables.Apply(Profiles, state.Profiles);

        foreach (var (from, to) in Redirects)
        {
            if (to == 0)
            {
                state.Redirects.Remove(from);
            }
            else
            {
                state.Redirects[from] = to;
            }
        }

        foreach (var (key, owners) in AliasOwners)
        {
            if (owners.Length == 0)
            {
                state.AliasOwners.Remove(key);
            }
            else
            {
                state.AliasOwners[key] = owners;
            }
        }

        foreach (var (key, owner) in SourceOwners)
        {
            state.SourceOwners[key] = owner;
        }

        state.Merges.AddRange(Merges);
        state.Splits.AddRange(Splits);
        foreach (var (id, review) in Reviews)
        {
            state.Reviews[id] = review;
        }

        foreach (var field in Fields)
        {
            // A field's type never changes once in the catalog; its description may.
            var key = (field.Kind, field.Key);
            state.Fields[key] = state.Fields.TryGetValue(key, out var old) ? field with { Type = old.Type } : field;
        }

        foreach (var record in Related)
        {
            state.Related[record.Key] = record;
        }

        foreach (var (sync, cursor) in SyncCursors)
        {
            state.SyncCursors[sync] = cursor;
        }

        state.LastVersion = Math.Max(state.LastVersion, maxVersion);
        state.LastProfileId = Math.Max(state.LastProfileId, lastProfileId);
    }

    /// <summary>The change-log entries of this session: each written profile at its version, each retired one at its merge's.</summary>
    private List<InMemoryChangeLog.Entry> ChangeEntries(InMemoryState state, long maxVersion)
    {
        var entries = new List<InMemoryChangeLog.Entry>(Profiles.Count);
        Dictionary<long, MergeRecord>? lastMerges = null;
        foreach (var (id, profile) in Profiles)
        {
            if (profile is not null)
            {
                entries.Add(new(profile.Version, id, profile.Kind));
                continue;
            }

            lastMerges ??= Merges.GroupBy(m => m.MergedId.Value).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Version)!);
            var merge = lastMerges.GetValueOrDefault(id);
            if (state.Profiles.TryGetValue(id, out var retired))
            {
                entries.Add(new(merge?.Version ?? maxVersion, id, retired.Kind));
            }
            else if (merge is not null)
            {
                // Created and merged away in this same session: never live for readers, but still an id retired
                // by a merge, which IChangeFeed lists so a consumer can tell it will never appear.
                entries.Add(new(merge.Version, id, merge.Kind));
            }
        }

        return entries;
    }
}
