using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Sdk.Enrichment;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>enrich export-run RUN_ID --file F</c>: writes what a run got for each record as CSV (<see cref="RunOutputCsv"/>) to
/// a file, or to stdout with <c>--file -</c>. --json (with a file): <c>{"run":N,"file":"...","rows":N,"columns":["..."]}</c>.
/// </summary>
internal sealed class EnrichExportRunCommand : CliCommand
{
    public const string StandardOutput = "-";

    private readonly Argument<long> _run = new("RUN_ID")
    {
        Description = "the run's id, as 'enrich runs' shows it",
        CustomParser = Parsers.One(RunId),
    };

    private readonly Option<string> _file = new("--file")
    {
        Description = "the CSV file to write (replaced if it exists), or - for stdout",
        HelpName = "F",
        Required = true,
    };

    public EnrichExportRunCommand()
        : base("export-run", "writes what an enrichment run got for each record as CSV: outcome, provider, credits, error and the values found")
    {
        Arguments.Add(_run);
        Options.Add(_file);
        Validators.Add(result =>
        {
            // Stdout holds one thing: the CSV, or the JSON summary, not both.
            if (result.GetValue(_file) == StandardOutput && result.GetValue<bool>("--json"))
            {
                result.AddError("--file - writes the CSV to stdout, where --json would print its summary; name a file, or leave out --json.");
            }
        });
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var runId = parse.GetValue(_run);
        var file = parse.GetRequiredValue(_file).Trim();
        if (file.Length == 0)
        {
            throw new InputException("--file is empty; name the CSV file to write, or - for stdout.");
        }

        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var run = await session.Enrichments.GetRunAsync(runId, cancellationToken)
            ?? throw new InputException($"enrich export-run: there is no enrichment run {runId}; 'enrich runs NAME' shows the runs.");
        var outputs = new List<EnrichmentRunOutput>();
        await foreach (var output in session.Enrichments.ListOutputsAsync(run.Id, cancellationToken))
        {
            outputs.Add(output);
        }

        var columns = RunOutputCsv.ValueColumns(outputs);
        if (file == StandardOutput)
        {
            await RunOutputCsv.WriteAsync(context.Out, outputs, columns);
            return ExitCodes.Success;
        }

        var path = System.IO.Path.GetFullPath(file);
        await using (var writer = new StreamWriter(path, append: false))
        {
            await RunOutputCsv.WriteAsync(writer, outputs, columns);
        }

        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["run"] = run.Id,
                ["file"] = path,
                ["rows"] = outputs.Count,
                ["columns"] = new JsonArray([.. RunOutputCsv.FixedColumns.Concat(columns).Select(c => (JsonNode)JsonValue.Create(c))]),
            });
        }
        else
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {outputs.Count} records of run {run.Id} ('{run.Enrichment}') to '{path}'."));
        }

        return ExitCodes.Success;
    }

    /// <exception cref="InputException">The value is not a run id.</exception>
    private static long RunId(string command, string value) =>
        long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new InputException($"{command}: '{value}' is not a run id; give the number shown by 'enrich runs NAME'.");
}
