using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>The change of one profile in a write session, as the matcher computed it.</summary>
/// <param name="Id">The profile's id.</param>
/// <param name="Kind">Person or company.</param>
/// <param name="IsNew">Whether the profile is created by this write.</param>
/// <param name="Version">The profile's new change version (larger than every earlier version).</param>
/// <param name="CreatedAt">When the profile was created.</param>
/// <param name="Values">The profile's full set of current values after the change.</param>
/// <param name="UpsertedSources">Source records inserted, changed or moved into this profile.</param>
/// <param name="AddedAliases">Aliases the profile gains.</param>
/// <param name="RemovedAliases">Aliases the profile loses.</param>
public sealed record ProfileWrite(
    ProfileId Id,
    EntityKind Kind,
    bool IsNew,
    long Version,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, ProfileValue> Values,
    IReadOnlyList<StoredSourceRecord> UpsertedSources,
    IReadOnlyList<AliasKey> AddedAliases,
    IReadOnlyList<AliasKey> RemovedAliases)
{
    /// <summary>Source records that leave this profile for another one written in the same session (an undo).</summary>
    public IReadOnlyList<SourceRecordKey> ReleasedSources { get; init; } = [];
}
