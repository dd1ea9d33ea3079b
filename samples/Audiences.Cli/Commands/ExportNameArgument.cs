using System.CommandLine;
using Audiences.Cli.Cli;

namespace Audiences.Cli.Commands;

/// <summary>The <c>NAME</c> of an export or ad audience.</summary>
internal static class ExportNameArgument
{
    public static Argument<string> Create(string description = "the export's name, as 'export list' shows it") => new("NAME")
    {
        Description = description,
        CustomParser = Parsers.One(ImportArguments.Name("NAME")),
    };
}
