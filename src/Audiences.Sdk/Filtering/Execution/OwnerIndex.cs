using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Filtering.Execution;

/// <summary>
/// The live profiles of one kind as the bulk evaluation of linked and related filters needs them:
/// every id, and which profile holds a source record or an alias — the same answers as the store's
/// <see cref="IProfileStore.FindBySourceRecordAsync"/> and <see cref="IProfileStore.FindByAliasAsync"/>
/// (the oldest holder of an alias), without one store call per lookup.
/// </summary>
internal sealed class OwnerIndex
{
    private readonly Dictionary<SourceRecordKey, long> _records = [];
    private readonly Dictionary<AliasKey, List<long>> _aliases = [];

    private OwnerIndex(EntityKind kind) => Kind = kind;

    public EntityKind Kind { get; }

    /// <summary>Every live profile of the kind.</summary>
    public ProfileIdSet All { get; } = new();

    public static async Task<OwnerIndex> BuildAsync(IProfileStore store, EntityKind kind, CancellationToken cancellationToken)
    {
        var index = new OwnerIndex(kind);
        await foreach (var profile in store.ListProfilesAsync(kind, cancellationToken).ConfigureAwait(false))
        {
            var id = profile.Id.Value;
            index.All.Add(id);
            foreach (var source in profile.Sources)
            {
                index._records[source.Key] = id;
            }

            foreach (var alias in profile.Aliases)
            {
                // Profiles stream in id order, so each list is oldest first.
                if (!index._aliases.TryGetValue(alias, out var holders))
                {
                    index._aliases[alias] = holders = [];
                }

                holders.Add(id);
            }
        }

        return index;
    }

    /// <summary>The profile that holds a source record, or null.</summary>
    public long? ByRecord(SourceRecordKey key) => _records.TryGetValue(key, out var id) ? id : null;

    /// <summary>The oldest profile that holds an alias, or null.</summary>
    public long? ByAlias(AliasKey alias) => _aliases.TryGetValue(alias, out var holders) ? holders[0] : null;

    /// <summary>
    /// The profiles a related record belongs to: the holder of its owner record and every holder of its
    /// owner alias — the profiles whose <see cref="IRelatedRecordStore.ListRelatedRecordsAsync(EntityKind, IReadOnlyCollection{SourceRecordKey}, IReadOnlyCollection{AliasKey}, CancellationToken)"/> lists it.
    /// </summary>
    public void AddOwners(RelatedRecord record, ProfileIdSet owners)
    {
        if (record.OwnerRecord is { } key && ByRecord(key) is { } byRecord)
        {
            owners.Add(byRecord);
        }

        if (record.OwnerAlias is { } alias && _aliases.TryGetValue(alias, out var holders))
        {
            foreach (var holder in holders)
            {
                owners.Add(holder);
            }
        }
    }
}
