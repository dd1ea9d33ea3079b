namespace Audiences.Sdk.Profiles;

/// <summary>A profile's current value of one field and where it came from.</summary>
/// <param name="Value">The value that survived.</param>
/// <param name="Source">The source record that supplied it.</param>
/// <param name="SourceKind">The category of that source.</param>
/// <param name="ObservedAt">When that source observed it.</param>
public readonly record struct ProfileValue(FieldValue Value, SourceRecordKey Source, SourceKind SourceKind, DateTimeOffset ObservedAt);
