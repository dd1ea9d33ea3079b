using System.CommandLine;
using Audiences.Cli.Cli;

namespace Audiences.Cli.Commands;

/// <summary>The <c>NAME</c> of an enrichment, as <c>enrich list</c> shows it.</summary>
internal static class EnrichNameArgument
{
    public static Argument<string> Create(string description = "the enrichment's name, as 'enrich list' shows it") => new("NAME")
    {
        Description = description,
        CustomParser = Parsers.One(ImportArguments.Name("NAME")),
    };
}
