using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Destinations;

/// <summary>A record the destination holds, with the current values of the fields asked for.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Values">The values by destination field; an empty field is <see cref="FieldValue.Empty"/> or absent.</param>
public sealed record DestinationRecord(string Key, IReadOnlyDictionary<string, FieldValue> Values);
