using System.CommandLine;
using System.CommandLine.Parsing;
using Audiences.Cli.Output;

namespace Audiences.Cli.Cli;

/// <summary>
/// Reports a command line the parser refused. A value that was given but cannot be used (a <c>--kind</c>
/// that is no kind, an id that is no number) is bad input: one line, exit 1. Anything else is a usage error
/// (unknown command or option, a missing option or argument, an option given twice): every error, then
/// System.CommandLine's suggestions for mistyped words and the command's help, all on stderr, exit 2.
/// </summary>
internal static class ParseErrorReport
{
    public static int Write(ParseResult parse, TextWriter stderr)
    {
        if (parse.Errors.All(IsBadValue))
        {
            stderr.WriteLine($"error: {Formats.OneLine(parse.Errors[0].Message)}");
            return ExitCodes.BadInput;
        }

        foreach (var error in parse.Errors)
        {
            stderr.WriteLine($"error: {Formats.OneLine(error.Message)}");
        }

        // The parser's own report: its errors (already written above, in this tool's form) go nowhere,
        // its suggestions and the help go to stderr with the errors, keeping stdout for results.
        parse.Invoke(new InvocationConfiguration { Output = stderr, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        return ExitCodes.Usage;
    }

    /// <summary>Whether the error is about a value given in the right number (rather than missing, extra or unknown).</summary>
    private static bool IsBadValue(ParseError error) => error.SymbolResult switch
    {
        OptionResult option => Given(option.Tokens.Count, option.Option.Arity),
        ArgumentResult argument => Given(argument.Tokens.Count, argument.Argument.Arity),
        _ => false,
    };

    private static bool Given(int values, ArgumentArity arity) => values >= 1 && values <= arity.MaximumNumberOfValues;
}
