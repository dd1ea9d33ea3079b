using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Sources;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>import sql --provider sqlite|postgres --connection CS --query Q --kind K --id-column C [--timestamp-column T] ...</c>:
/// saves the query as a sync run by hand, named <c>sql:SOURCE:OBJECT</c>, and runs it once. With a timestamp column a
/// later import with the same --source (and object) reads only the rows changed since, from the sync's stored cursor;
/// <c>--full</c> reads everything again. --json: the fields of <c>import csv</c>'s summary, then
/// <c>"sync","mode","status","deleted","failure"</c> (and <c>"membership"</c> when there are audiences). A failed
/// run prints its summary and the SDK's message, exit 1.
/// </summary>
internal sealed class ImportSqlCommand : CliCommand
{
    private readonly SyncSourceOptions _source = new(SourceChoice.Sql);
    private readonly Option<bool> _full = CommonOptions.Flag("--full", "read every row again, ignoring the stored cursor (also finds rows deleted at the source)");

    public ImportSqlCommand()
        : base("sql", "imports the rows of a SQL query (SQLite or PostgreSQL); run again with the same --source, it reads only what changed")
    {
        _source.AddTo(this);
        Options.Add(_full);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        // Checked before the database is opened, so a mistyped SQLite path leaves no empty workspace behind.
        var definition = _source.Sql(parse, name: null);
        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        definition = await SyncCalls.SaveAsync(session, definition, cancellationToken);
        var run = await SyncCalls.RunAsync(context, session, definition, parse.GetValue(_full) ? SourceReadMode.Full : null, cancellationToken);
        var refresh = await Membership.RefreshAsync(context, session, cancellationToken);
        var connection = definition.Source["connection"];
        return SyncRunReport.Write(
            context,
            run,
            connection,
            refresh,
            SyncJson.ImportSummary(run, connection),
            $"Imported {Names.Plural(definition.Kind)} from the {definition.Source["provider"]} query into '{context.DatabasePath}' (sync '{definition.Name}', source '{definition.EffectiveSourceName}', object '{definition.ObjectName}'):",
            "the import failed");
    }
}
