using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;

namespace Audiences.Cli.Commands;

/// <summary><c>enrich runs NAME [--limit N]</c>: an enrichment's runs, newest first. --json: <c>[{...run}]</c>.</summary>
internal sealed class EnrichRunsCommand : CliCommand
{
    public const int DefaultLimit = 20;

    private readonly Argument<string> _name = EnrichNameArgument.Create();
    private readonly Option<int?> _limit = CommonOptions.Limit($"how many runs to show (default {DefaultLimit})");

    public EnrichRunsCommand()
        : base("runs", "lists an enrichment's runs, newest first, with what each looked up and spent")
    {
        Arguments.Add(_name);
        Options.Add(_limit);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await EnrichmentCalls.RequireAsync(session, name, cancellationToken);
        var runs = await EnrichmentCalls.GuardAsync(
            () => session.Enrichments.ListRunsAsync(definition.Name, parse.GetValue(_limit) ?? DefaultLimit, cancellationToken).AsTask());
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. runs.Select(r => (JsonNode)EnrichmentJson.Run(r))]));
        }
        else if (runs.Count == 0)
        {
            context.Out.WriteLine($"Enrichment '{definition.Name}' has not run yet; run it with 'enrich run {definition.Name}'.");
        }
        else
        {
            EnrichmentText.WriteRuns(context.Out, runs);
        }

        return ExitCodes.Success;
    }
}
