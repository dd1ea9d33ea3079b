using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sources;

/// <summary>One record as a source read it: its external id and its values by source field name.</summary>
/// <param name="ExternalId">The value of the read's id field, or null when the record has none.</param>
/// <param name="Values">The values by source field name; an empty value is absent or <see cref="FieldValue.Empty"/>.</param>
public sealed record SourceItem(string? ExternalId, IReadOnlyDictionary<string, FieldValue> Values)
{
    /// <summary>Where the record was read (a line or row number), for messages; null when the source has no such notion.</summary>
    public long? Position { get; init; }

    /// <summary>Why the record cannot be imported (a duplicate id within one read, a value that did not parse), or null.</summary>
    public string? Problem { get; init; }
}
