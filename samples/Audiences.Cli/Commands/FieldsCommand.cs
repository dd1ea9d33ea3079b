using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>fields --kind K</c>: the field catalog with fill rates. --json:
/// <c>[{"key":"title","type":"text","origin":"crm","filled":12,"profiles":20,"fillRate":0.6}, ...]</c>.
/// </summary>
internal sealed class FieldsCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["fields"];

    public string Summary => "shows the field catalog of a kind: type, origin, filled count and fill rate";

    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Kind];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = Names.ParseKind(options.GetRequired("--kind"));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var fields = await session.Profiles.GetFieldStatisticsAsync(kind, cancellationToken);
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
