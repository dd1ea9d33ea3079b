using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>hub enrichments</c>: each enrichment's credits spent and held against its cap, last run, audiences and fields.
/// --json: an array of <see cref="HubJson.Enrichment"/>.
/// </summary>
internal sealed class HubEnrichmentsCommand : CliCommand
{
    public HubEnrichmentsCommand()
        : base("enrichments", "lists the enrichments with credits spent against their cap, last run, audiences and fields")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var enrichments = await session.DataHub.ListEnrichmentsAsync(cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. enrichments.Select(e => (JsonNode)HubJson.Enrichment(e))]));
        }
        else
        {
            HubText.WriteEnrichments(context.Out, enrichments);
        }

        return ExitCodes.Success;
    }
}
