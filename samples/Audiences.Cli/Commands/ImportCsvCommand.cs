using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Import;
using Audiences.Sdk.Matching.Probabilistic;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>import csv --kind K --file F ...</c>: imports one CSV file, or standard input with <c>--file -</c>. --json:
/// <c>{"read":N,"created":N,"updated":N,"unchanged":N,"merged":N,"rejected":N,"errors":[{"line":N,"field":"...","message":"..."}]}</c>.
/// When the workspace has audiences, their membership is brought up to date after the import and the
/// JSON adds <c>"membership":{...audience refresh}</c>. When every row read is rejected the summary is
/// still printed, and the exit code is 1.
/// </summary>
internal sealed class ImportCsvCommand : CliCommand
{
    /// <summary>The <c>--file</c> value that reads standard input.</summary>
    public const string StandardInput = "-";

    private readonly Option<EntityKind> _kind = CommonOptions.Kind();
    private readonly Option<string> _file = new("--file")
    {
        Description = "the CSV file (comma-separated, UTF-8, with a header row); - reads standard input",
        HelpName = "PATH",
        Required = true,
    };

    private readonly ImportCsvOptions _options = new();

    public ImportCsvCommand()
        : base("csv", "imports a CSV file of people or companies, matching and merging as it goes")
    {
        Options.Add(_kind);
        Options.Add(_file);
        _options.AddTo(this);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var kind = parse.GetValue(_kind);
        var file = parse.GetRequiredValue(_file);
        var fromInput = file == StandardInput;
        var source = _options.Source(parse, fromInput ? "stdin" : file, kind);
        var import = _options.Import(parse, kind);
        if (!fromInput)
        {
            CsvImport.CheckFile(file);
        }
        else if (source.SourceName is null)
        {
            // Rows are keyed source/object/row: every unnamed pipe would be 'stdin', and its row 1 would overwrite the last one's.
            throw new InputException(
                "--file - reads standard input, which has no file name to key its rows by; give --source NAME (the system the rows come from) "
                + "so that importing the same data again updates the same records.");
        }

        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        ImportResult result;
        await using (var input = fromInput ? context.OpenInput() : null)
        {
            result = await CsvImport.RunAsync(context, session.Profiles, source, import, input, cancellationToken);
        }

        // One refresh after the whole file (not one per batch), and none while there are no audiences.
        var refresh = await session.HasAudiencesAsync(cancellationToken)
            ? await context.WithStatusAsync("Bringing audience membership up to date", () => session.Audiences.RefreshMembershipAsync(cancellationToken))
            : null;
        if (context.Json)
        {
            var json = CliJson.ImportResult(result);
            if (refresh is not null)
            {
                json["membership"] = AudienceJson.Refresh(refresh);
            }

            context.WriteJson(json);
        }
        else
        {
            context.Out.WriteLine(
                $"Imported {Names.Plural(kind)} from '{source.Path}' into '{context.DatabasePath}' (source '{SourceName(source)}', object '{source.ObjectName}', matching on {string.Join(", ", import.EffectiveMatchOn)}{FuzzyText(import.Fuzzy)}):");
            ImportText.Write(context.Out, result);
            if (refresh is not null)
            {
                context.Out.WriteLine($"Audience membership brought up to date: {AudienceText.Refresh(refresh)}.");
            }
        }

        // Nothing usable in the input is a failed import, though the summary above says which rows and why.
        if (result.Read > 0 && result.Rejected == result.Read)
        {
            context.Error.WriteLine(
                $"error: every row of '{source.Path}' was rejected ({Formats.Count(result.Read)} rows); nothing was imported. The rejected rows above say why.");
            return ExitCodes.BadInput;
        }

        return ExitCodes.Success;
    }

    private static string SourceName(CsvSourceOptions source) => source.SourceName ?? System.IO.Path.GetFileNameWithoutExtension(source.Path);

    private static string FuzzyText(ProbabilisticMatchingOptions? fuzzy) =>
        fuzzy is not null ? $"; probabilistically on {string.Join(", ", fuzzy.Comparisons.Select(c => c.Field))}" : string.Empty;
}
