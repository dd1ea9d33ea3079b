using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>sync list</c>: every sync by name, with its source, schedule, last run and next due time.
/// --json: <c>[{...sync, "lastRun":{...}|null, "nextDue":"..."|null}]</c>, connection passwords as <c>***</c>.
/// </summary>
internal sealed class SyncListCommand : CliCommand
{
    public SyncListCommand()
        : base("list", "lists the syncs with their schedule, last run and next due time")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var rows = new List<(SyncDefinition Definition, SyncRun? Last, DateTimeOffset? NextDue)>();
        foreach (var definition in await session.Syncs.ListAsync(cancellationToken))
        {
            var runs = await session.Syncs.ListRunsAsync(definition.Name, 1, cancellationToken);
            var last = runs.Count > 0 ? runs[0] : null;
            rows.Add((definition, last, await session.Syncs.GetNextDueAsync(definition.Name, cancellationToken)));
        }

        if (context.Json)
        {
            context.WriteJson(new JsonArray(rows.Select(r => (JsonNode)SyncJson.Definition(r.Definition, r.Last, r.NextDue)).ToArray()));
            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            context.Out.WriteLine("No syncs yet; add one with 'sync add NAME ...', or import a query with 'import sql ...'.");
            return ExitCodes.Success;
        }

        var table = new TextTable("NAME", "SOURCE", "KIND", "SCHEDULE", "LAST RUN", "NEXT DUE");
        foreach (var (definition, last, nextDue) in rows)
        {
            table.Add(
                definition.Name,
                Source(definition),
                Names.Kind(definition.Kind),
                SyncText.Schedule(definition.Schedule),
                last is null ? "never" : $"{Formats.Time(last.StartedAt)} {SyncJson.Status(last.Status)}, read {Formats.Count(last.Read)}",
                nextDue is { } due ? Formats.Time(due) : "-");
        }

        table.WriteTo(context.Out);
        return ExitCodes.Success;
    }

    private static string Source(SyncDefinition definition) => definition.Source.Type switch
    {
        "sql" => $"{definition.Source["provider"]} {ConnectionText.Masked(definition.Source["connection"] ?? string.Empty)}",
        ConnectorSources.Salesforce => $"salesforce {definition.Source["instance-url"]} {definition.Source["object"]}",
        ConnectorSources.HubSpot => $"hubspot {definition.Source["base-url"] ?? ConnectorSources.DefaultHubSpotUrl} {definition.Source["object"]}",
        _ => definition.Source["path"] ?? definition.Source.Type,
    };
}
