using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Sdk.Enrichment;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>enrich test NAME [--rows 10]</c>: tries an enrichment on its first members that hold its inputs — paying for
/// them, writing nothing to the profiles — and prints what it got for each. --json:
/// <c>{"run":{...run},"outputs":[{"profile","outcome","values","provider","credits","error"}]}</c>.
/// </summary>
internal sealed class EnrichTestCommand : CliCommand
{
    public const int DefaultRows = 10;

    private readonly Argument<string> _name = EnrichNameArgument.Create();

    private readonly Option<int?> _rows = new("--rows")
    {
        Description = $"how many records to try (default {DefaultRows})",
        HelpName = "N",
        CustomParser = Parsers.One<int?>(value => CommandArguments.Limit("--rows", value)),
    };

    public EnrichTestCommand()
        : base("test", "tries an enrichment on a few records, paying for them but writing nothing, and prints what it found for each")
    {
        Arguments.Add(_name);
        Options.Add(_rows);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        var rows = parse.GetValue(_rows) ?? DefaultRows;
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var run = await EnrichmentCalls.GuardAsync(
            () => context.WithStatusAsync($"Trying enrichment '{name}'", () => session.Enrichments.TestAsync(name, rows, cancellationToken)));
        var outputs = new List<EnrichmentRunOutput>();
        await foreach (var output in session.Enrichments.ListOutputsAsync(run.Id, cancellationToken))
        {
            outputs.Add(output);
        }

        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["run"] = EnrichmentJson.Run(run),
                ["outputs"] = new JsonArray([.. outputs.Select(o => (JsonNode)EnrichmentJson.Output(o))]),
            });
            return ExitCodes.Success;
        }

        context.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Enrichment '{run.Enrichment}', test run {run.Id} on up to {rows} records (nothing written to the profiles):"));
        EnrichmentText.WriteRun(context.Out, run);
        if (outputs.Count == 0)
        {
            context.Out.WriteLine("  no member holds the inputs its providers need, so nothing was looked up.");
        }
        else
        {
            context.Out.WriteLine();
            EnrichmentText.WriteOutputs(context.Out, outputs, "  ");
        }

        return ExitCodes.Success;
    }
}
