using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;

namespace Audiences.Cli.Commands;

/// <summary><c>export history NAME [--limit N]</c>: the export's runs, newest first (20 unless --limit). --json: <c>[{...run}]</c>.</summary>
internal sealed class ExportHistoryCommand : CliCommand
{
    private const int DefaultLimit = 20;

    private readonly Argument<string> _name = ExportNameArgument.Create();
    private readonly Option<int?> _limit = CommonOptions.Limit($"show at most N runs (default {DefaultLimit})");

    public ExportHistoryCommand()
        : base("history", "lists an export's runs, newest first, with what each sent and what became of it")
    {
        Arguments.Add(_name);
        Options.Add(_limit);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await ExportCalls.RequireAsync(session, parse.GetRequiredValue(_name), cancellationToken);
        var runs = await session.Exports.ListRunsAsync(definition.Name, parse.GetValue(_limit) ?? DefaultLimit, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. runs.Select(r => (JsonNode)ExportJson.Run(r, definition.Destination))]));
        }
        else if (runs.Count == 0)
        {
            context.Out.WriteLine($"Export '{definition.Name}' has not run yet; run it with 'export run {definition.Name}'.");
        }
        else
        {
            ExportText.WriteHistory(context.Out, runs, text => DestinationText.Redact(text, definition.Destination));
        }

        return ExitCodes.Success;
    }
}
