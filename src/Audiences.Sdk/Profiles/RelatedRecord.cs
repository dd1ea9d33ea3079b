namespace Audiences.Sdk.Profiles;

/// <summary>
/// A record that hangs off a profile: an opportunity or deal on a company, an activity on a person
/// or company. The owner is named the way sources name it, by the owner's source record or by an
/// alias, and is resolved when read, so related records and profiles can arrive in any order and
/// follow their owner through merges.
/// </summary>
/// <param name="Key">The related record's identity in its source; importing the same key again updates it.</param>
/// <param name="Type">The record type, e.g. <c>opportunities</c> or <c>activities</c> (a snake_case key).</param>
/// <param name="OwnerKind">The kind of profile that owns the record.</param>
/// <param name="Values">The record's values by field key.</param>
public sealed record RelatedRecord(
    SourceRecordKey Key,
    string Type,
    EntityKind OwnerKind,
    IReadOnlyDictionary<string, FieldValue> Values)
{
    /// <summary>The owner's source record (for example the Salesforce Account of an Opportunity).</summary>
    public SourceRecordKey? OwnerRecord { get; init; }

    /// <summary>The owner's alias, raw as the source gives it (for example the company domain); normalized on import.</summary>
    public AliasKey? OwnerAlias { get; init; }

    /// <summary>When the source observed the values; when null, the import's time is used.</summary>
    public DateTimeOffset? ObservedAt { get; init; }
}
