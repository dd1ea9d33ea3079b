using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Syncs;

namespace Audiences.Cli.Commands;

/// <summary><c>sync history NAME [--limit N]</c>: the sync's runs, newest first (20 unless --limit). --json: <c>[{...run}]</c>.</summary>
internal sealed class SyncHistoryCommand : CliCommand
{
    private const int DefaultLimit = 20;

    private readonly Argument<string> _name = SyncNameArgument.Create();
    private readonly Option<int?> _limit = CommonOptions.Limit($"show at most N runs (default {DefaultLimit})");

    public SyncHistoryCommand()
        : base("history", "lists a sync's runs, newest first")
    {
        Arguments.Add(_name);
        Options.Add(_limit);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await SyncNameArgument.ReadAsync(session, parse.GetRequiredValue(_name), cancellationToken);
        var runs = await session.Syncs.ListRunsAsync(definition.Name, parse.GetValue(_limit) ?? DefaultLimit, cancellationToken);
        var connection = ConnectionText.SecretOf(definition.Source);
        if (context.Json)
        {
            context.WriteJson(new JsonArray(runs.Select(r => (JsonNode)SyncJson.Run(r, connection)).ToArray()));
        }
        else if (runs.Count == 0)
        {
            context.Out.WriteLine($"Sync '{definition.Name}' has not run yet; run it with 'sync run {definition.Name}'.");
        }
        else
        {
            SyncText.WriteHistory(context.Out, runs);
        }

        return ExitCodes.Success;
    }
}
