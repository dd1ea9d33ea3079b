using Audiences.Cli.Cli;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>A <c>--set field[:type]=value</c> of <c>profiles upsert</c>; the type is read when the value is known to be typed.</summary>
internal sealed record ProfileValueArgument(string Field, FieldType? Type, string Value)
{
    /// <exception cref="InputException">The text is not <c>field=value</c> with a field key (and a known type).</exception>
    public static ProfileValueArgument Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new InputException($"--set '{text}' is not field=value; e.g. --set title=CTO or --set score:number=42.");
        }

        var left = text[..equals].Trim();
        var colon = left.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? left : left[..colon];
        if (!FieldKey.IsValid(field))
        {
            throw new InputException($"--set '{text}': '{field}' is not a field key; use snake_case such as job_title.");
        }

        FieldType? type = null;
        if (colon >= 0)
        {
            type = FieldTypeNames.TryParse(left[(colon + 1)..], out var parsed)
                ? parsed
                : throw new InputException($"--set '{text}': '{left[(colon + 1)..]}' is not a type; use text, number, boolean, datetime or list.");
        }

        return new ProfileValueArgument(field, type, text[(equals + 1)..]);
    }
}
