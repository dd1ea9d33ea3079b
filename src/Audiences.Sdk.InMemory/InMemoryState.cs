using Audiences.Sdk.InMemory.Columns;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>The committed state of an in-memory store. Guarded by the store's lock.</summary>
internal sealed class InMemoryState
{
    public Dictionary<long, Profile> Profiles { get; } = [];

    public Dictionary<long, long> Redirects { get; } = [];

    /// <summary>Owners of each alias, oldest first; arrays are never changed in place, so readers may hold them.</summary>
    public Dictionary<AliasIndexKey, long[]> AliasOwners { get; } = [];

    public Dictionary<SourceRecordKey, long> SourceOwners { get; } = [];

    public List<MergeRecord> Merges { get; } = [];

    public List<SplitRecord> Splits { get; } = [];

    public SortedDictionary<long, MatchReview> Reviews { get; } = [];

    public Dictionary<(EntityKind Kind, string Key), FieldDefinition> Fields { get; } = [];

    public Dictionary<SourceRecordKey, RelatedRecord> Related { get; } = [];

    /// <summary>The live profiles' current values, laid out for filters; a commit notes its changed ids with <see cref="ColumnTables.Changed"/>.</summary>
    public ColumnTables ColumnTables { get; } = new();

    /// <summary>The version-ordered log of profile changes, for change detection.</summary>
    public InMemoryChangeLog Changes { get; } = new();

    public long LastVersion { get; set; }

    public long LastProfileId { get; set; }

    /// <summary>The column table of a kind, up to date with the committed profiles.</summary>
    public ColumnTable Columns(EntityKind kind) => ColumnTables.For(kind, Profiles);

    /// <summary>Follows merge redirects to the final id; chains stay short because merges go to the oldest profile.</summary>
    public long Resolve(long id, IReadOnlyDictionary<long, long>? overlay = null)
    {
        while (true)
        {
            if (overlay is not null && overlay.TryGetValue(id, out var next))
            {
                // 0 marks a redirect the session removed (an undone merge).
                if (next == 0)
                {
                    return id;
                }

                id = next;
            }
            else if (Redirects.TryGetValue(id, out next))
            {
                id = next;
            }
            else
            {
                return id;
            }
        }
    }
}
