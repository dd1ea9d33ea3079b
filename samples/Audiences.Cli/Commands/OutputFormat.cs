using System.CommandLine;
using Audiences.Cli.Cli;

namespace Audiences.Cli.Commands;

/// <summary>How a listing is printed: the text table, CSV for spreadsheets and scripts, or JSON (as --json).</summary>
internal enum OutputFormat
{
    Text,
    Csv,
    Json,
}

/// <summary>The <c>--format text|csv|json</c> option.</summary>
internal static class OutputFormats
{
    public static Option<OutputFormat?> Option(string description) => new Option<OutputFormat?>("--format")
    {
        Description = description,
        HelpName = "text|csv|json",
        CustomParser = Parsers.One<OutputFormat?>(value => Parse(value)),
    }.CompletingWith("text", "csv", "json");

    /// <summary>The format chosen: --format, else JSON with --json, else text.</summary>
    public static OutputFormat Chosen(OutputFormat? format, bool json) => format ?? (json ? OutputFormat.Json : OutputFormat.Text);

    /// <summary>Refuses --json with a --format other than json: which of the two was meant is not clear.</summary>
    public static void Validate(System.CommandLine.Parsing.CommandResult result, Option<OutputFormat?> format)
    {
        if (result.ParsedValue(format) is { } chosen and not OutputFormat.Json && result.ParsedValue<bool>("--json"))
        {
            result.AddError($"--json asks for JSON but --format asks for {chosen.ToString().ToLowerInvariant()}; give one of them.");
        }
    }

    /// <exception cref="InputException">The value is not a format.</exception>
    private static OutputFormat Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "text" => OutputFormat.Text,
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => throw new InputException($"--format '{value}' is not an output format; use text, csv or json."),
    };
}
