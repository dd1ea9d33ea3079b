using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Drafts;

namespace Audiences.Cli.Commands;

/// <summary><c>draft list</c>: every draft, newest first. --json: <c>[{...draft}]</c>.</summary>
internal sealed class DraftListCommand : CliCommand
{
    public DraftListCommand()
        : base("list", "lists the drafts, newest first, with their status")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var drafts = await session.Drafts.ListAsync(cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonArray(drafts.Select(d => (JsonNode)DraftJson.Draft(d)).ToArray()));
        }
        else if (drafts.Count == 0)
        {
            context.Out.WriteLine("No drafts yet; search with 'draft search --kind person --provider sample --where \"...\"'.");
        }
        else
        {
            DraftText.WriteList(context.Out, drafts);
        }

        return ExitCodes.Success;
    }
}
