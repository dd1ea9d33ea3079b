using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The uncommitted changes of a write session. One instance is reused by every session of a store
/// (there is one writer at a time), so its tables keep their capacity from batch to batch.
/// </summary>
internal sealed class InMemoryOverlay
{
    public Dictionary<long, Profile?> Profiles { get; } = [];

    public Dictionary<long, long> Redirects { get; } = [];

    public Dictionary<AliasIndexKey, long[]> AliasOwners { get; } = [];

    public Dictionary<SourceRecordKey, long> SourceOwners { get; } = [];

    public List<MergeRecord> Merges { get; } = [];

    public List<FieldDefinition> Fields { get; } = [];

    public List<RelatedRecord> Related { get; } = [];

    public void Clear()
    {
        Profiles.Clear();
        Redirects.Clear();
        AliasOwners.Clear();
        SourceOwners.Clear();
        Merges.Clear();
        Fields.Clear();
        Related.Clear();
    }
}
