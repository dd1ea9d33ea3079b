using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>hub fields --kind K</c>: each field's fill rate, records covered, source, cost, type, export status, description and
/// the enrichments and signals writing it. --json: an array of <see cref="HubJson.Field"/>.
/// </summary>
internal sealed class HubFieldsCommand : CliCommand
{
    private readonly Option<Sdk.Profiles.EntityKind> _kind = CommonOptions.Kind();

    public HubFieldsCommand()
        : base("fields", "lists the fields of a kind with fill rate, source, cost, export status and the enrichments and signals writing them")
    {
        Options.Add(_kind);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var fields = await session.DataHub.ListFieldsAsync(parse.GetValue(_kind), cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. fields.Select(f => (JsonNode)HubJson.Field(f))]));
        }
        else
        {
            HubText.WriteFields(context.Out, fields);
        }

        return ExitCodes.Success;
    }
}
