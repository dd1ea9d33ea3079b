using System.CommandLine.Parsing;

namespace Audiences.Cli.Cli;

/// <summary>
/// Custom parsers for typed options and arguments, from functions that read one value and throw an
/// <see cref="InputException"/> naming the option and the fix. The message becomes the parse error, which
/// <see cref="ParseErrorReport"/> reports as bad input (exit 1) since a value was given but is not usable.
/// </summary>
internal static class Parsers
{
    // Without a token the parser has already reported the missing value (arity), so there is nothing to read.

    /// <summary>Reads the value of an option; the message names the option itself.</summary>
    public static Func<ArgumentResult, T?> One<T>(Func<string, T> read) => result =>
        result.Tokens.Count == 0 ? default : Read(result, result.Tokens[^1].Value, read);

    /// <summary>Reads the value of a command's argument; <paramref name="read"/> gets the command's name for its message.</summary>
    public static Func<ArgumentResult, T?> One<T>(Func<string, string, T> read) => result =>
        result.Tokens.Count == 0 ? default : Read(result, result.Tokens[^1].Value, value => read(CommandOf(result), value));

    /// <summary>Reads every value of a repeatable option, in the order given.</summary>
    public static Func<ArgumentResult, IReadOnlyList<T>?> Each<T>(Func<string, T> read) => result =>
    {
        var values = new List<T>();
        foreach (var token in result.Tokens)
        {
            try
            {
                values.Add(read(token.Value));
            }
            catch (InputException e)
            {
                result.AddError(e.Message);
            }
        }

        return values;
    };

    private static T? Read<T>(ArgumentResult result, string value, Func<string, T> read)
    {
        try
        {
            return read(value);
        }
        catch (InputException e)
        {
            result.AddError(e.Message);
            return default;
        }
    }

    private static string CommandOf(SymbolResult result)
    {
        for (var current = result.Parent; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
            {
                return CliCommand.PathOf(command.Command);
            }
        }

        return string.Empty;
    }
}
