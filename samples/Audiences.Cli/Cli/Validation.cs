using System.CommandLine;
using System.CommandLine.Parsing;

namespace Audiences.Cli.Cli;

/// <summary>Reading values in a command's validator, which runs even when a value did not parse.</summary>
internal static class Validation
{
    /// <summary>The option's value, or default when it was not given or did not parse (its own error reports that).</summary>
    public static T? ParsedValue<T>(this CommandResult result, Option<T> option) => Parsed(() => result.GetValue(option));

    /// <summary>The value of the global option <paramref name="name"/>, or default when it was not given or did not parse.</summary>
    public static T? ParsedValue<T>(this CommandResult result, string name) => Parsed(() => result.GetValue<T>(name));

    // Reading a value that failed to parse throws with the parse error's message, which is reported anyway.
    private static T? Parsed<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }
}
