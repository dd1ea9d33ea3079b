using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;
using Audiences.Cli.Output;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>export list</c>: every export by name (ad audiences included), with its destination, audience, schedule and last run.
/// --json: <c>[{...export, "last_run":{...}|null}]</c>, tokens and connection passwords as <c>***</c>.
/// </summary>
internal sealed class ExportListCommand : CliCommand
{
    public ExportListCommand()
        : base("list", "lists the exports (ad audiences included) with their destination, audience, schedule and last run")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definitions = await session.Exports.ListAsync(cancellationToken);
        var rows = new List<(ExportDefinition Definition, ExportRun? Last)>();
        foreach (var definition in definitions)
        {
            rows.Add((definition, await ExportCalls.LastRunAsync(session, definition.Name, cancellationToken)));
        }

        var names = await ExportCalls.AudienceNamesAsync(session, definitions, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. rows.Select(r => (JsonNode)ExportJson.Definition(r.Definition, names, r.Last))]));
            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            context.Out.WriteLine("No exports yet; add one with 'export add NAME --to sql|csv ...', or an ad audience with 'ads add NAME --platform ...'.");
            return ExitCodes.Success;
        }

        WriteTable(context.Out, rows, names);
        return ExitCodes.Success;
    }

    public static void WriteTable(TextWriter writer, IReadOnlyList<(ExportDefinition Definition, ExportRun? Last)> rows, IReadOnlyDictionary<long, string?> names)
    {
        var table = new TextTable("NAME", "DESTINATION", "KIND", "EXPORTS", "SCHEDULE", "LAST RUN");
        foreach (var (definition, last) in rows)
        {
            table.Add(
                definition.Name,
                DestinationText.Summary(definition.Destination),
                Names.Kind(definition.Kind),
                ExportText.Audience(definition.Audience, names),
                ExportText.Schedule(definition),
                last is null ? "never" : $"{Formats.Time(last.StartedAt)} {ExportJson.Status(last.Status)}, sent {Formats.Count(last.Sent)}, {Formats.Count(last.Failed)} failed");
        }

        table.WriteTo(writer);
    }
}
