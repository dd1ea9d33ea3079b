namespace Audiences.Sdk.Profiles;

/// <summary>
/// One record as a source delivers it: its key, its kind, its values and when it was observed.
/// Source records are kept whole as the provenance of a profile; current values are derived from them.
/// </summary>
/// <param name="Key">The record's identity in its source.</param>
/// <param name="Kind">Whether the record describes a person or a company.</param>
/// <param name="SourceKind">The source's category, which ranks its values in survivorship.</param>
/// <param name="Values">The record's values by field key; empty values may be left out.</param>
public sealed record SourceRecord(
    SourceRecordKey Key,
    EntityKind Kind,
    SourceKind SourceKind,
    IReadOnlyDictionary<string, FieldValue> Values)
{
    /// <summary>When the source observed the values; when null, the import's time is used.</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>For a person, the company it belongs to; null when unknown.</summary>
    public CompanyLink? Company { get; init; }

    /// <summary>
    /// The record this record was converted into, when the source says so: a Salesforce lead's
    /// <c>ConvertedContactId</c> as the contact's key. The two records then belong to one profile,
    /// whichever is imported first, and both keep their values.
    /// </summary>
    public SourceRecordKey? ConvertedTo { get; init; }

    /// <summary>
    /// The profile the record belongs to, when its source derived it from that profile (an enrichment's answer, a
    /// signal's result, a host's own values for a profile it holds). The first import of the record adds it to that
    /// profile (or to the profile it was merged into), besides any profile its aliases match; later imports find it by
    /// its key. A matching instruction, not a value: stores do not keep it.
    /// </summary>
    public ProfileId? Profile { get; init; }
}
