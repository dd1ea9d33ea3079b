using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv;

/// <summary>
/// Maps a CSV column to a field key, optionally with the type its values are parsed as, instead of
/// the key and type the header and the values would give.
/// </summary>
public sealed record CsvColumnMapping
{
    /// <summary>Creates a mapping.</summary>
    /// <param name="column">The column's header as written in the file (matched exactly, then ignoring case, then by its normalized key).</param>
    /// <param name="field">The field key the column fills, e.g. <c>work_email</c>.</param>
    /// <param name="type">The type to parse the values as; null keeps the catalog's type, or infers one for a new field.</param>
    /// <exception cref="ArgumentException">The column is blank, the field is not a valid field key, or the type is undefined.</exception>
    public CsvColumnMapping(string column, string field, FieldType? type = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        FieldKey.EnsureValid(field, nameof(field));
        if (type is { } t && !Enum.IsDefined(t))
        {
            throw new ArgumentException($"'{t}' is not a field type; use text, number, boolean, datetime or list.", nameof(type));
        }

        Column = column.Trim();
        Field = field;
        Type = type;
    }

    /// <summary>The column's header as written in the file.</summary>
    public string Column { get; }

    /// <summary>The field key the column fills.</summary>
    public string Field { get; }

    /// <summary>The type the values are parsed as, or null to use the catalog's type or infer one.</summary>
    public FieldType? Type { get; }

    /// <summary>
    /// Parses <c>column=field</c> or <c>column=field:type</c>, where type is text, number, boolean,
    /// datetime or list (any case). The column may itself contain <c>=</c>: the last one separates it.
    /// </summary>
    /// <param name="text">The mapping, e.g. <c>E-mail Address=email</c> or <c>Employees=employee_count:number</c>.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not of that form; the message says which part is wrong.</exception>
    public static CsvColumnMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Form = "write it as 'column=field' or 'column=field:type', e.g. 'E-mail Address=email' or 'Employees=employee_count:number'";
        var equals = text.LastIndexOf('=');
        if (equals < 0)
        {
            throw new FormatException($"The column mapping '{text}' has no '='; {Form}.");
        }

        var column = text[..equals].Trim();
        var target = text[(equals + 1)..].Trim();
        if (column.Length == 0)
        {
            throw new FormatException($"The column mapping '{text}' names no column before '='; {Form}.");
        }

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var field = (colon < 0 ? target : target[..colon]).Trim();
        if (field.Length == 0)
        {
            throw new FormatException($"The column mapping '{text}' names no field after '='; {Form}.");
        }

        if (!FieldKey.IsValid(field))
        {
            throw new FormatException(
                $"The column mapping '{text}' maps to '{field}', which is not a valid field key; use snake_case ASCII starting with a letter, at most {FieldKey.MaxLength} characters (e.g. '{FieldKey.FromHeader(field) ?? "work_email"}').");
        }

        FieldType? type = null;
        if (colon >= 0)
        {
            var typeName = target[(colon + 1)..].Trim();
            type = FieldTypeNames.TryParse(typeName, out var parsed)
                ? parsed
                : throw new FormatException($"The column mapping '{text}' names the type '{typeName}', which is not one of text, number, boolean, datetime or list.");
        }

        return new CsvColumnMapping(column, field, type);
    }

    /// <summary>Formats the mapping as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => Type is { } type ? $"{Column}={Field}:{type.ToName()}" : $"{Column}={Field}";

}
