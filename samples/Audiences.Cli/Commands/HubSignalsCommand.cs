using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>hub signals</c>: each signal's credits spent and held against its cap, last run, audiences and fields; none while
/// the host registers no signal service. --json: an array of <see cref="HubJson.Signal"/>.
/// </summary>
internal sealed class HubSignalsCommand : CliCommand
{
    public HubSignalsCommand()
        : base("signals", "lists the signals with credits spent against their cap, last run, audiences and fields")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var signals = await session.DataHub.ListSignalsAsync(cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. signals.Select(s => (JsonNode)HubJson.Signal(s))]));
        }
        else
        {
            HubText.WriteSignals(context.Out, signals);
        }

        return ExitCodes.Success;
    }
}
