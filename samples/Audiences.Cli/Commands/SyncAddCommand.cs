using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>sync add NAME --kind K (--file F | --provider P --connection CS --query Q --id-column C [--timestamp-column T]
/// | --salesforce OBJECT --instance-url URL --token T | --hubspot OBJECT [--base-url URL] --token T) ...
/// [--every D] [--full-every D] [--cron EXPR]</c>: defines a sync (or replaces the one of that name, keeping its cursor
/// and history) after checking it against its source. The source is a CSV file when --file is given, a SQL query when
/// --provider is, a Salesforce or HubSpot object when --salesforce or --hubspot is (its token stored, printed as ***). --json: the sync as <c>sync list</c> shows it.
/// </summary>
internal sealed class SyncAddCommand : CliCommand
{
    private readonly Argument<string> _name = new("NAME")
    {
        Description = "the sync's name, e.g. crm-contacts (no '/')",
        CustomParser = Parsers.One(ImportArguments.Name("NAME")),
    };

    private readonly SyncSourceOptions _source = new(SourceChoice.Either);
    private readonly ScheduleOptions _schedule = new();

    public SyncAddCommand()
        : base(
            "add",
            "defines a sync over a CSV file (--file), a SQL query (--provider, --connection, --query, --id-column), a Salesforce object (--salesforce, --instance-url, --token) "
            + "or a HubSpot object (--hubspot, --token), with its schedule; without --every, --full-every or --cron it runs every 15m when it reads "
            + "incrementally (--timestamp-column, Salesforce, HubSpot), else in full every 12h")
    {
        Arguments.Add(_name);
        _source.AddTo(this);
        _schedule.AddTo(this);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        SyncDefinition definition;
        var isCrm = _source.IsConnector(parse);
        if (isCrm)
        {
            definition = _source.Connector(parse, name);
        }
        else if (_source.IsSql(parse))
        {
            definition = _source.Sql(parse, name);
        }
        else
        {
            var file = _source.File(parse);
            if (file == ImportCsvCommand.StandardInput)
            {
                throw new InputException("--file -: a sync reads its file again at every run, which standard input cannot give; name a file.");
            }

            CsvImport.CheckFile(file);
            definition = _source.Csv(parse, name, file, System.IO.Path.GetFileNameWithoutExtension(file));
        }

        definition = definition with { Schedule = _schedule.Schedule(parse, definition.TimestampField is not null, isCrm) };
        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        definition = await SyncCalls.SaveAsync(session, definition, cancellationToken);
        var nextDue = await session.Syncs.GetNextDueAsync(definition.Name, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(SyncJson.Definition(definition, lastRun: null, nextDue));
        }
        else
        {
            context.Out.WriteLine($"Saved sync '{definition.Name}' ({definition.Source.Type}, {SyncText.Schedule(definition.Schedule)}).");
            context.Out.WriteLine($"Run it now with: sync run {definition.Name}. A host running the SDK's scheduler runs it on its schedule.");
        }

        return ExitCodes.Success;
    }
}
