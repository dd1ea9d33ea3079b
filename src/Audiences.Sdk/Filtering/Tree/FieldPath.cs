namespace Audiences.Sdk.Filtering;

/// <summary>
/// The field a condition reads: a field of the record itself (<c>title</c>) or of a linked entity
/// (<c>company.employee_count</c> from a person).
/// </summary>
public sealed record FieldPath
{
    /// <summary>Creates a path from its dotted text.</summary>
    /// <param name="path">One or two names separated by a dot, each made of letters, digits and underscores and starting with a letter.</param>
    /// <exception cref="ArgumentException">The path is blank or malformed.</exception>
    public FieldPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('.');
        if (parts.Length > 2 || !parts.All(IsName))
        {
            throw new ArgumentException(
                $"'{path}' is not a field path: use a field name such as 'title', or a linked entity and a field such as 'company.employee_count'.",
                nameof(path));
        }

        Path = path;
    }

    /// <summary>The dotted path, e.g. <c>company.employee_count</c>.</summary>
    public string Path { get; }

    /// <summary>The linked entity the field belongs to (<c>company</c>), or null for the record's own field.</summary>
    public string? Entity => Path.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? Path[..dot] : null;

    /// <summary>The field name, without the linked entity.</summary>
    public string Field => Path.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? Path[(dot + 1)..] : Path;

    /// <summary>Creates a path from a field name; the same as the constructor.</summary>
    /// <exception cref="ArgumentException">The path is malformed.</exception>
    public static implicit operator FieldPath(string path) => new(path);

    /// <summary>Creates a path from a field name; the same as the constructor.</summary>
    /// <exception cref="ArgumentException">The path is malformed.</exception>
    public static FieldPath FromString(string path) => new(path);

    /// <summary>
    /// Whether <paramref name="name"/> is a valid name for a field, entity or collection in a filter:
    /// letters, digits and underscores starting with a letter, and not one of the words <c>and</c>, <c>or</c>, <c>not</c>.
    /// </summary>
    public static bool IsName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0])
            || name.Equals("and", StringComparison.OrdinalIgnoreCase)
            || name.Equals("or", StringComparison.OrdinalIgnoreCase)
            || name.Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The dotted path.</summary>
    public override string ToString() => Path;
}
