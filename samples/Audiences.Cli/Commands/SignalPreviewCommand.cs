using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Signals;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>signal preview NAME</c>: what a run would cost now, before it runs: the members of its audiences, each at the
/// provider's price per record. --json: <c>{"signal":"...","records":N,"cost_per_record":X,"total":Y}</c>.
/// </summary>
internal sealed class SignalPreviewCommand : CliCommand
{
    private readonly Argument<string> _name = SignalNameArgument.Create();

    public SignalPreviewCommand()
        : base("preview", "shows what a run of a signal would cost now: the records it checks and the credits each costs")
    {
        Arguments.Add(_name);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await SignalCalls.RequireAsync(session, name, cancellationToken);
        var preview = await SignalCalls.GuardAsync(() => session.Signals.PreviewCostAsync(definition.Name, cancellationToken));
        if (context.Json)
        {
            context.WriteJson(SignalJson.Preview(definition.Name, preview));
        }
        else
        {
            var budget = await session.Signals.GetBudgetAsync(definition.Name, cancellationToken);
            context.Out.WriteLine($"Signal '{definition.Name}': a run checks {SignalText.Preview(preview)}.");
            context.Out.WriteLine($"Budget: {Enrichments.EnrichmentText.Budget(budget)}.");
        }

        return ExitCodes.Success;
    }
}
