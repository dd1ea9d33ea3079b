namespace Audiences.Sdk.Profiles;

/// <summary>
/// The identity of a record in its source: the source name, the object (table, CRM object or
/// file) and the record's id there. Importing a record with the same key again updates it.
/// </summary>
/// <param name="Source">The source name, e.g. <c>salesforce</c> or a file name.</param>
/// <param name="ObjectName">The object inside the source, e.g. <c>Contact</c> or <c>rows</c>.</param>
/// <param name="ExternalId">The record's id inside the object.</param>
public readonly record struct SourceRecordKey(string Source, string ObjectName, string ExternalId)
{
    /// <summary>Throws when a part is blank.</summary>
    /// <exception cref="ArgumentException">The source, object or external id is null or blank.</exception>
    public void EnsureValid()
    {
        if (string.IsNullOrWhiteSpace(Source) || string.IsNullOrWhiteSpace(ObjectName) || string.IsNullOrWhiteSpace(ExternalId))
        {
            throw new ArgumentException($"A source record key needs a source, an object and an external id; got '{this}'.");
        }
    }

    /// <summary>Formats the key as <c>source/object/id</c>.</summary>
    public override string ToString() => $"{Source}/{ObjectName}/{ExternalId}";
}
