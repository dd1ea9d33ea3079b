using System.CommandLine;
using Audiences.Cli.Cli;

namespace Audiences.Cli.Commands;

/// <summary>The <c>NAME</c> of a signal, as <c>signal list</c> shows it.</summary>
internal static class SignalNameArgument
{
    public static Argument<string> Create(string description = "the signal's name, as 'signal list' shows it") => new("NAME")
    {
        Description = description,
        CustomParser = Parsers.One(ImportArguments.Name("NAME")),
    };
}
