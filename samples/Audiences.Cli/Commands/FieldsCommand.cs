using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>fields --kind K</c>: the field catalog with fill rates. --json:
/// <c>[{"key":"title","type":"text","origin":"crm","filled":12,"profiles":20,"fillRate":0.6}, ...]</c>.
/// </summary>
internal sealed class FieldsCommand : CliCommand
{
    private readonly Option<Sdk.Profiles.EntityKind> _kind = CommonOptions.Kind();

    public FieldsCommand()
        : base("fields", "shows the field catalog of a kind: type, origin, filled count and fill rate")
    {
        Options.Add(_kind);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var fields = await session.Profiles.GetFieldStatisticsAsync(parse.GetValue(_kind), cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonArray(fields.Select(f => (JsonNode)CliJson.Field(f)).ToArray()));
        }
        else
        {
            FieldText.WriteTable(context.Out, fields);
        }

        return ExitCodes.Success;
    }
}
