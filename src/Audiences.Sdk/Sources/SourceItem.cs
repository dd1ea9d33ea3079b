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

    /// <summary>
    /// The record this one was converted into (a converted lead's contact), or null. The import joins both to one profile
    /// (<see cref="SourceRecord.ConvertedTo"/>).
    /// </summary>
    public SourceReference? ConvertedTo { get; init; }

    /// <summary>The account record the record belongs to (a contact's account), or null; the import links the person to that company (<see cref="CompanyLink.ByAccount"/>).</summary>
    public SourceReference? Account { get; init; }
}
