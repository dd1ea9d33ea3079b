using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sources;

/// <summary>Where a source field's values land: a profile field (optionally read as a type), or nowhere.</summary>
/// <param name="SourceField">The source's field name (a column, a header).</param>
/// <param name="Field">The profile field key, snake_case; null leaves the source field out.</param>
/// <param name="Type">The type to read the values as; null keeps the source's type (or the catalog's, for a field that exists).</param>
public sealed record FieldMapping(string SourceField, string? Field, FieldType? Type = null)
{
    /// <summary>Formats the mapping as the command line writes it: <c>column=field[:type]</c>, or <c>column=</c> when left out.</summary>
    public override string ToString() =>
        Field is null ? $"{SourceField}=" : Type is { } type ? $"{SourceField}={Field}:{type.ToName()}" : $"{SourceField}={Field}";
}
