using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Samples.Worker.Configuration;

/// <summary>Reads a mapping as configuration writes it: <c>column=field</c>, <c>column=field:type</c>, or <c>column=</c> to leave the column out.</summary>
internal static class MappingText
{
    /// <summary>Reads one mapping.</summary>
    /// <param name="text">The mapping's text.</param>
    /// <param name="mapping">The mapping, when the text is one.</param>
    /// <param name="problem">What is wrong with the text, when it is not.</param>
    /// <returns>Whether the text is a mapping.</returns>
    public static bool TryParse(string? text, out FieldMapping? mapping, out string? problem)
    {
        mapping = null;
        problem = null;
        var equals = text?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (text is null || equals <= 0 || string.IsNullOrWhiteSpace(text[..equals]))
        {
            problem = $"is '{text}', which is no mapping; write 'column=field', 'column=field:type' or 'column=' to leave the column out";
            return false;
        }

        var column = text[..equals].Trim();
        var target = text[(equals + 1)..].Trim();
        if (target.Length == 0)
        {
            mapping = new FieldMapping(column, null);
            return true;
        }

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? target : target[..colon].Trim();
        FieldType? type = null;
        if (colon >= 0)
        {
            var typeName = target[(colon + 1)..].Trim();
            if (!FieldTypeNames.TryParse(typeName, out var parsed))
            {
                problem = $"gives the type '{typeName}' for '{column}', which is no field type; use one of {string.Join(", ", FieldTypeNames.All)}";
                return false;
            }

            type = parsed;
        }

        if (!FieldKey.IsValid(field))
        {
            problem = $"maps '{column}' to '{field}', which is no field key; use snake_case such as 'job_title'";
            return false;
        }

        mapping = new FieldMapping(column, field, type);
        return true;
    }
}
