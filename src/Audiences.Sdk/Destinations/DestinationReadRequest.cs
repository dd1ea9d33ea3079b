namespace Audiences.Sdk.Destinations;

/// <summary>The records whose current values are wanted, by key, and which of their fields.</summary>
/// <param name="Keys">The keys, at most <see cref="DestinationDescription.MaxReadSize"/>, distinct.</param>
/// <param name="Fields">The destination fields to read.</param>
public sealed record DestinationReadRequest(IReadOnlyList<string> Keys, IReadOnlyList<string> Fields);
