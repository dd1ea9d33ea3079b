using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>export plan NAME [--limit N]</c>: what the next run would do, per record and field — will write, skipped by rule
/// (never or if-empty), unchanged, would create, would remove, skip — read from the destination's current values, sending
/// nothing. --json: <c>{"export","records","shown","actions":{...},"fields":{...},"plan":[{...record}]}</c>.
/// </summary>
internal sealed class ExportPlanCommand : CliCommand
{
    private const int DefaultLimit = 50;

    private readonly Argument<string> _name = ExportNameArgument.Create();
    private readonly Option<int?> _limit = CommonOptions.Limit($"show at most N records (default {DefaultLimit}; the counts cover them all)");

    public ExportPlanCommand()
        : base("plan", "shows what the next run would write to each record and field, and why a field is skipped, sending nothing")
    {
        Arguments.Add(_name);
        Options.Add(_limit);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await ExportCalls.RequireAsync(session, parse.GetRequiredValue(_name), cancellationToken);
        var records = await ExportCalls.PlanAsync(context, session, definition, cancellationToken);
        var shown = parse.GetValue(_limit) ?? DefaultLimit;
        if (context.Json)
        {
            context.WriteJson(ExportJson.Plan(definition.Name, records, shown));
        }
        else
        {
            ExportText.WritePlan(context.Out, definition.Name, records, shown);
            if (ExportAddCommand.NeverHint(definition) is { } hint)
            {
                context.Out.WriteLine($"Hint: {hint}");
            }
        }

        return ExitCodes.Success;
    }
}
