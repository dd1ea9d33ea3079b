using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>import preview csv|sql ... [--rows N]</c>: what an import would do, storing nothing — the proposed mapping, the
/// first records as they would land, and the warnings; for a file also the <c>--map</c> options that make
/// <c>import csv</c> land its columns the same way. Without a database at --db an empty in-memory one is used, so
/// no file is created. --json: <c>{"mapping":[...],"records":[...],"warnings":[...],"csvMap":[...]|null}</c>.
/// </summary>
internal sealed class ImportPreviewCommand : CliCommand
{
    private const int DefaultRows = 10;

    private readonly SourceChoice _choice;
    private readonly SyncSourceOptions _source;
    private readonly Option<int?> _rows = new("--rows")
    {
        Description = $"how many records to show (default {DefaultRows})",
        HelpName = "N",
        CustomParser = Parsers.One<int?>(value => CommandArguments.Limit("--rows", value)),
    };

    public ImportPreviewCommand(SourceChoice choice)
        : base(
            choice == SourceChoice.Csv ? "csv" : "sql",
            choice == SourceChoice.Csv
                ? "shows how a CSV file would be imported (mapping, first records, warnings) without storing anything; --file - reads standard input"
                : "shows how a SQL query would be imported (mapping, first records, warnings) without storing anything")
    {
        _choice = choice;
        _source = new SyncSourceOptions(choice);
        _source.AddTo(this);
        Options.Add(_rows);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var rows = parse.GetValue(_rows) ?? DefaultRows;
        string? copy = null;
        try
        {
            SyncDefinition definition;
            if (_choice == SourceChoice.Sql)
            {
                definition = _source.Sql(parse, name: null);
            }
            else
            {
                var file = _source.File(parse);
                if (file == ImportCsvCommand.StandardInput)
                {
                    // The CSV source reads a file (twice: to type the columns, then the rows), so standard input is kept in a temporary one.
                    copy = await CopyInputAsync(context, cancellationToken);
                    definition = _source.Csv(parse, "preview", copy, "stdin");
                }
                else
                {
                    CsvImport.CheckFile(file);
                    definition = _source.Csv(parse, "preview", file, System.IO.Path.GetFileNameWithoutExtension(file));
                }
            }

            // An existing workspace lends its field catalog to the mapping; otherwise nothing may be created.
            await using var session = File.Exists(context.DatabasePath)
                ? await context.OpenAsync(mustExist: true, cancellationToken)
                : await AudiencesSession.OpenInMemoryAsync(cancellationToken);
            var preview = await SyncCalls.PreviewAsync(context, session, definition, rows, cancellationToken);
            var csvMap = _choice == SourceChoice.Csv ? CsvMapHints.From(preview.Mapping) : null;
            if (context.Json)
            {
                context.WriteJson(PreviewJson.From(preview, csvMap));
            }
            else
            {
                PreviewText.Write(context.Out, preview, csvMap);
            }

            return ExitCodes.Success;
        }
        finally
        {
            if (copy is not null)
            {
                File.Delete(copy);
            }
        }
    }

    private static async Task<string> CopyInputAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"audiences-preview-{Guid.NewGuid():N}.csv");
        await using var input = context.OpenInput();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // The rows may be personal data: readable by their owner only, as import csv keeps its copy of standard input.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await input.CopyToAsync(file, cancellationToken);
        return path;
    }
}
