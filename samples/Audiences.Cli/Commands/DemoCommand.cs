using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Demo;
using Audiences.Sdk.Import;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>demo</c>: imports the bundled sample data into a fresh <c>demo.db</c> in the folder of --db and
/// explains what happened: per-file counts and rejected rows, a search committed from a draft, a warehouse
/// query synced twice (the second run reading only the changed rows), a pushed record found by its alias,
/// merges and why, one profile with the source of each value, the field catalog, and an audience whose
/// membership follows a changed row, then enrichments: work emails bought on a budget that runs out and is raised,
/// and every company's size and industry; then a signal watching the audience's people for job moves, and the Data Hub;
/// and last the audience exported to a new CSV file, and the write plan of an export to a small SQLite app database. The CRMs are local
/// stand-ins (the Salesforce and HubSpot fakes of Audiences.Sdk.Testing): after the warehouse sync their objects are imported as
/// <c>import salesforce|hubspot</c> imports them (one import run again after a change, reading only it), and after the other exports
/// an audience over their opportunities and deals is written back to them with <c>export add --to salesforce|hubspot</c>'s exports.
/// </summary>
internal sealed class DemoCommand : CliCommand
{
    public const string DatabaseFileName = "demo.db";

    public DemoCommand()
        : base("demo", $"imports the bundled sample data into a fresh {DatabaseFileName} (in the folder of --db) and explains the result")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        DemoData.CheckPresent();

        // Always demo.db beside --db, never --db itself, so the demo cannot delete a real database.
        var databasePath = CommandContext.CheckDatabasePath(
            System.IO.Path.Combine(System.IO.Path.GetDirectoryName(context.DatabasePath)!, DatabaseFileName), mustExist: false);
        DemoDatabase.Delete(databasePath);

        var imports = new List<DemoImport>();
        DemoSummary summary;
        DemoLoop loop;
        DemoCrmImport crmImport;
        DemoAudience audience;
        DemoEnrichment enrichment;
        DemoSignal signal;
        DemoHub hub;
        DemoExport export;
        DemoCrmExport crmExport;
        // The CRMs are local stand-ins, up from the imports to the write-back.
        await using var crm = await context.WithStatusAsync(
            "Starting the local Salesforce and HubSpot stand-ins", () => DemoCrm.StartAsync(DateTimeOffset.UtcNow, cancellationToken));
        await using (var session = await AudiencesSession.OpenAsync(databasePath, cancellationToken))
        {
            foreach (var file in DemoData.Files)
            {
                if (!context.Json && context.Terminal is null)
                {
                    await context.Error.WriteLineAsync($"importing {file.FileName} ...");
                }

                var result = await CsvImport.RunAsync(
                    context, session.Profiles, file.ToSourceOptions(DemoData.Folder), new ImportOptions(file.Kind), input: null, cancellationToken);
                imports.Add(new DemoImport(file, result));
            }

            // Beyond files: a search kept in a draft and committed, a warehouse query synced twice, and one pushed record.
            var folder = System.IO.Path.GetDirectoryName(databasePath)!;
            loop = new DemoLoop(
                await DemoDraft.RunAsync(context, session, cancellationToken),
                await DemoSync.RunAsync(context, session, folder, cancellationToken),
                await DemoUpsert.RunAsync(session, cancellationToken));
            crmImport = await DemoCrmImport.RunAsync(context, session, crm, cancellationToken);
            summary = await DemoSummary.CollectAsync(session.Profiles, databasePath, imports, cancellationToken);
            audience = await DemoAudience.RunAsync(context, session, System.IO.Path.GetDirectoryName(databasePath)!, cancellationToken);
            enrichment = await DemoEnrichment.RunAsync(context, session, audience.Audience, cancellationToken);
            signal = await DemoSignal.RunAsync(context, session, audience.Audience, cancellationToken);
            hub = await DemoHub.RunAsync(session, cancellationToken);
            export = await DemoExport.RunAsync(context, session, audience.Audience, signal.Companion, folder, cancellationToken);
            crmExport = await DemoCrmExport.RunAsync(context, session, crm, audience.Audience, signal.Companion, cancellationToken);
        }

        if (context.Json)
        {
            context.WriteJson(DemoJson.From(summary, loop, crmImport, audience, enrichment, signal, hub, export, crmExport));
        }
        else
        {
            DemoText.Write(context.Out, summary, loop, crmImport, audience, enrichment, signal, hub, export, crmExport);
        }

        return ExitCodes.Success;
    }
}
