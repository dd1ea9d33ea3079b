using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>hub</c>: the Data Hub overview, counts of records, fields per kind, enrichments and signals. --json:
/// <c>{"people":5,"companies":2,"fields":{"person":5,"company":3},"enrichments":2,"signals":0}</c>.
/// </summary>
internal sealed class HubCommand : CliCommand
{
    public HubCommand()
        : base("hub", "shows the Data Hub: records, fields, enrichments and signals, and (subcommands) each field's fill rate and each enrichment's spend")
    {
        Subcommands.Add(new HubFieldsCommand());
        Subcommands.Add(new HubEnrichmentsCommand());
        Subcommands.Add(new HubSignalsCommand());
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var overview = await session.DataHub.GetOverviewAsync(cancellationToken);
        if (context.Json)
        {
            context.WriteJson(HubJson.Overview(overview));
        }
        else
        {
            HubText.WriteOverview(context.Out, overview);
        }

        return ExitCodes.Success;
    }
}
