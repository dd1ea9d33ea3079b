namespace Audiences.Sdk.Profiles;

/// <summary>
/// A source record as kept in a profile: the record, the aliases it contributes and the change
/// versions that first stored and last changed it.
/// </summary>
/// <param name="Record">The record, with <see cref="SourceRecord.ObservedAt"/> always set.</param>
/// <param name="Aliases">The normalized aliases the record contributes to its profile.</param>
/// <param name="FirstSeenVersion">The change version that first stored the record.</param>
/// <param name="LastChangedVersion">The change version that last changed the record's values.</param>
public sealed record StoredSourceRecord(
    SourceRecord Record,
    IReadOnlyList<AliasKey> Aliases,
    long FirstSeenVersion,
    long LastChangedVersion)
{
    /// <summary>The record's key.</summary>
    public SourceRecordKey Key => Record.Key;

    /// <summary>When the values were observed.</summary>
    public DateTimeOffset ObservedAt => Record.ObservedAt ?? DateTimeOffset.MinValue;
}
