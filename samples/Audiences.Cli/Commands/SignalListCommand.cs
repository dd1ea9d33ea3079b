using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Output;
using Audiences.Cli.Signals;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>signal list</c>: every signal by name, with its type, provider, audiences, look-back, recurrence, budget spent
/// against its cap and last run. --json: <c>[{...signal}]</c> (<see cref="SignalJson.Definition"/>).
/// </summary>
internal sealed class SignalListCommand : CliCommand
{
    public SignalListCommand()
        : base("list", "lists the signals with their type, provider, audiences, look-back, recurrence, budget and last run")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definitions = await session.Signals.ListAsync(cancellationToken);
        var names = await SignalCalls.AudienceNamesAsync(session, definitions, cancellationToken);
        var rows = new List<(SignalDefinition Definition, CreditBudget Budget, SignalRun? LastRun)>();
        foreach (var definition in definitions)
        {
            rows.Add((definition, await session.Signals.GetBudgetAsync(definition.Name, cancellationToken), await SignalCalls.LastRunAsync(session, definition.Name, cancellationToken)));
        }

        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. rows.Select(r => (JsonNode)SignalJson.Definition(r.Definition, names, r.Budget, r.LastRun))]));
            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            context.Out.WriteLine("No signals yet; add one with 'signal add NAME --type T --provider P --audience A'.");
            return ExitCodes.Success;
        }

        var table = new TextTable("NAME", "TYPE", "PROVIDER", "AUDIENCES", "LOOK-BACK", "EVERY", "SPENT/CAP", "LAST RUN");
        foreach (var (definition, budget, lastRun) in rows)
        {
            table.Add(
                definition.Name,
                SignalTypeText.Word(definition.Type),
                definition.Provider,
                string.Join(", ", definition.Audiences.Select(a => names.GetValueOrDefault(a) is { } name ? $"{name} (#{a})" : $"#{a} (deleted)")),
                SignalLookBacks.Format(definition.LookBack),
                definition.Every is { } every ? Syncs.Durations.Format(every) : "by hand",
                $"{CreditAmounts.Format(budget.Spent)}/{CreditAmounts.Format(budget.Cap)}",
                SignalText.LastRun(lastRun));
        }

        table.WriteTo(context.Out);
        return ExitCodes.Success;
    }
}
