using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Destinations;

/// <summary>One record's write: its key, what to do, and the values to set.</summary>
/// <param name="Key">The record's key in the destination.</param>
/// <param name="Kind">Update, create or remove.</param>
/// <param name="Values">
/// The values to set by destination field (<see cref="FieldValue.Empty"/> clears a field). For a removal, the mapped
/// values the record holds, for destinations that find records by them (ad platforms match people by hashed email and
/// phone); others ignore them.
/// </param>
public sealed record DestinationWrite(string Key, DestinationWriteKind Kind, IReadOnlyDictionary<string, FieldValue> Values);
