namespace Audiences.Sdk.Profiles;

/// <summary>
/// Field types as people type and read them — <c>text</c>, <c>number</c>, <c>boolean</c>, <c>datetime</c>,
/// <c>list</c> — rather than as C# member names, so a message names a type the way the option or mapping that
/// caused it does.
/// </summary>
public static class FieldTypeNames
{
    /// <summary>Every name, in the order of <see cref="FieldType"/>.</summary>
    public static IReadOnlyList<string> All { get; } = ["text", "number", "boolean", "datetime", "list"];

    /// <summary>The name of a type: <c>text</c>, <c>number</c>, <c>boolean</c>, <c>datetime</c> or <c>list</c>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The lower-case name.</returns>
    public static string ToName(this FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.Number => "number",
        FieldType.Boolean => "boolean",
        FieldType.DateTime => "datetime",
        FieldType.TextList => "list",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads a type name, ignoring case and surrounding spaces.</summary>
    /// <param name="name">A name of <see cref="All"/>.</param>
    /// <param name="type">The type, when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out FieldType type)
    {
        var index = name is null ? -1 : IndexOf(name.Trim());
        type = index < 0 ? default : (FieldType)(index + 1);
        return index >= 0;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
