using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;
using Audiences.Cli.Output;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>ads list</c>: the ad audiences (exports to meta, google or linkedin) with their platform, account, audience and last
/// sync. --json: <c>[{"platform",...export, "last_run"}]</c>, tokens as <c>***</c>.
/// </summary>
internal sealed class AdsListCommand : CliCommand
{
    public AdsListCommand()
        : base("list", "lists the ad audiences with their platform, account, audience and last sync")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definitions = (await session.Exports.ListAsync(cancellationToken)).Where(d => DestinationNames.IsAd(d.Destination.Type)).ToList();
        var rows = new List<(ExportDefinition Definition, ExportRun? Last)>();
        foreach (var definition in definitions)
        {
            rows.Add((definition, await ExportCalls.LastRunAsync(session, definition.Name, cancellationToken)));
        }

        var names = await ExportCalls.AudienceNamesAsync(session, definitions, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. rows.Select(r => (JsonNode)AdJson.Definition(r.Definition, names, r.Last))]));
            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            context.Out.WriteLine("No ad audiences yet; add one with 'ads add NAME --platform meta|google|linkedin --audience ID|NAME --token T ...'.");
            return ExitCodes.Success;
        }

        var table = new TextTable("NAME", "PLATFORM", "ACCOUNT", "AUDIENCE", "SCHEDULE", "LAST SYNC");
        foreach (var (definition, last) in rows)
        {
            table.Add(
                definition.Name,
                definition.Destination.Type,
                DestinationText.Account(definition.Destination),
                ExportText.Audience(definition.Audience, names),
                ExportText.Schedule(definition),
                last is null
                    ? "never"
                    : $"{Formats.Time(last.StartedAt)} {ExportJson.Status(last.Status)}, {Formats.Count(AdJson.Added(last))} added, {Formats.Count(last.Removed)} removed, {Formats.Count(last.Failed)} failed");
        }

        table.WriteTo(context.Out);
        return ExitCodes.Success;
    }
}
