using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sources;

/// <summary>A field of a source object, with the type its values are read as.</summary>
/// <param name="Name">The field's name in the source (a column name, a header, an API name).</param>
/// <param name="Type">The type of the values read from it (text when the source cannot tell).</param>
public sealed record SourceField(string Name, FieldType Type)
{
    /// <summary>
    /// Whether the source makes the field up rather than reading it (a CSV row number, say): it can serve as the id
    /// or be mapped by name, but auto-map never proposes it as a profile field.
    /// </summary>
    public bool IsGenerated { get; init; }
}
