using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>A filled field of a record: the catalog field, its current value and where the value came from.</summary>
/// <param name="Field">The catalog field.</param>
/// <param name="Value">The current value.</param>
/// <param name="Source">The source record that supplied it.</param>
/// <param name="SourceKind">The category of that source (CRM, CSV, upsert, manual lock, …).</param>
/// <param name="ObservedAt">When the source observed the value.</param>
public sealed record FieldDetail(FieldDefinition Field, FieldValue Value, SourceRecordKey Source, SourceKind SourceKind, DateTimeOffset ObservedAt);
