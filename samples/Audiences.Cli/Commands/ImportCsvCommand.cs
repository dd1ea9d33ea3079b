using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Import;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>import csv --kind K --file F ...</c>: imports one CSV file. --json:
/// <c>{"read":N,"created":N,"updated":N,"unchanged":N,"merged":N,"rejected":N,"errors":[{"line":N,"field":"...","message":"..."}]}</c>.
/// When the workspace has audiences, their membership is brought up to date after the import and the
/// JSON adds <c>"membership":{...audience refresh}</c>.
/// </summary>
internal sealed class ImportCsvCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["import", "csv"];

    public string Summary => "imports a CSV file of people or companies, matching and merging as it goes";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Kind,
        new("--file", "PATH", "the CSV file (comma-separated, UTF-8, with a header row)") { Required = true },
        new("--source", "NAME", "the source name in each record's key (default: the file name without extension)"),
        new("--match", "FIELDS", "alias fields to match on, comma-separated (default: email,linkedin_url for people, domain for companies)"),
        new("--fuzzy", "FIELDS", "also match probabilistically over these fields, comma-separated (e.g. first_name,surname,dob,city); uncertain pairs go to 'review list'"),
        new("--id-column", "COLUMN", "the column with each row's external id (default: the row number)"),
        new("--map", "COLUMN=FIELD[:TYPE]", "maps a column to a field, optionally typed: text, number, boolean, datetime or list") { Repeatable = true },
        new("--batch-size", "N", "rows per atomic batch (default 5,000)"),
        new("--source-kind", "KIND", "how the file's values rank in survivorship: csv (default), crm, crm-lead, warehouse, upsert, enrichment, search"),
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = Names.ParseKind(options.GetRequired("--kind"));
        var file = options.GetRequired("--file");
        var source = new CsvSourceOptions(file, kind)
        {
            SourceName = ImportArguments.Name("--source", options.Get("--source")),
            IdColumn = ImportArguments.Name("--id-column", options.Get("--id-column")),
            Mappings = ImportArguments.Mappings(options.GetAll("--map")),
            SourceKind = ImportArguments.SourceKind(options.Get("--source-kind")),
        };
        var import = new ImportOptions(kind)
        {
            MatchOn = ImportArguments.Match(options.Get("--match")),
            BatchSize = ImportArguments.BatchSize(options.Get("--batch-size")),
            Fuzzy = ImportArguments.Fuzzy(options.Get("--fuzzy")),
        };
        CsvImport.CheckFile(file);

        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        var result = await CsvImport.RunAsync(context, session.Profiles, source, import, cancellationToken);

        // One refresh after the whole file (not one per batch), and none while there are no audiences.
        var refresh = await session.HasAudiencesAsync(cancellationToken)
            ? await session.Audiences.RefreshMembershipAsync(cancellationToken)
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
            var sourceName = source.SourceName ?? System.IO.Path.GetFileNameWithoutExtension(file);
            context.Out.WriteLine(
                $"Imported {Names.Plural(kind)} from '{file}' into '{context.DatabasePath}' (source '{sourceName}', matching on {string.Join(", ", import.EffectiveMatchOn)}{FuzzyText(import)}):");
            ImportText.Write(context.Out, result);
            if (refresh is not null)
            {
                context.Out.WriteLine($"Audience membership brought up to date: {AudienceText.Refresh(refresh)}.");
            }
        }

        return ExitCodes.Success;
    }

    private static string FuzzyText(ImportOptions import) =>
        import.Fuzzy is { } fuzzy ? $"; probabilistically on {string.Join(", ", fuzzy.Comparisons.Select(c => c.Field))}" : string.Empty;
}
