using System.Globalization;
using Audiences.Cli.Cli;

namespace Audiences.Cli.Commands;

/// <summary>An audience as the command line names it: by id when the value is all digits, else by name.</summary>
internal readonly record struct AudienceReference(long? Id, string? Name)
{
    /// <summary>Reads an audience argument.</summary>
    /// <exception cref="InputException">The value is blank, or all digits but no id.</exception>
    public static AudienceReference Parse(string command, string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            throw new InputException($"{command}: the audience is empty; give its id or its name, as 'audience list' shows them.");
        }

        if (!text.All(char.IsAsciiDigit))
        {
            return new AudienceReference(null, text);
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new AudienceReference(id, null)
            : throw new InputException($"{command}: '{value}' is not an audience id; give the number shown by 'audience list', or the audience's name.");
    }

    /// <summary>As messages name it: <c>7</c> or <c>'Hot leads'</c>.</summary>
    public override string ToString() => Id is { } id ? id.ToString(CultureInfo.InvariantCulture) : $"'{Name}'";
}
