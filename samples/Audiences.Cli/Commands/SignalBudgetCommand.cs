using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Signals;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>signal budget NAME [--cap CREDITS]</c>: sets the signal's credit cap (<c>none</c> for no cap) when given, and prints
/// the budget. --json: <c>{"name","cap","spent","reserved","available"}</c>, as <c>enrich budget</c>.
/// </summary>
internal sealed class SignalBudgetCommand : CliCommand
{
    private readonly Argument<string> _name = SignalNameArgument.Create();

    // Read as text and converted when the command runs: the parser cannot hand back null ('none') for a value given.
    private readonly Option<string?> _cap = new("--cap")
    {
        Description = "the most credits the signal may spend in all, e.g. 50, or 'none' for no cap; without it the budget is only shown",
        HelpName = "CREDITS",
    };

    public SignalBudgetCommand()
        : base("budget", "sets a signal's credit cap and prints its cap, spent, reserved and available credits")
    {
        Arguments.Add(_name);
        Options.Add(_cap);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        var capText = parse.GetValue(_cap);
        var cap = capText is null ? null : CreditAmounts.ParseCap("--cap", capText);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await SignalCalls.RequireAsync(session, name, cancellationToken);
        if (capText is not null)
        {
            await SignalCalls.GuardAsync(() => session.Signals.SetBudgetAsync(definition.Name, cap, cancellationToken));
        }

        var budget = await session.Signals.GetBudgetAsync(definition.Name, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(EnrichmentJson.Budget(budget));
        }
        else
        {
            context.Out.WriteLine($"Signal '{definition.Name}': {EnrichmentText.Budget(budget)}.");
        }

        return ExitCodes.Success;
    }
}
