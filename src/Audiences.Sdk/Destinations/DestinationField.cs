using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Destinations;

/// <summary>A field of a destination's object.</summary>
/// <param name="Name">The field's name in the destination.</param>
/// <param name="Type">The type of value it takes.</param>
public sealed record DestinationField(string Name, FieldType Type);
