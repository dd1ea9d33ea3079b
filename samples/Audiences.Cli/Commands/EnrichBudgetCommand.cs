using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>enrich budget NAME CREDITS</c>: sets the enrichment's credit cap (<c>none</c> for no cap) and prints the budget.
/// Raising the cap lets a run that reached it go on when run again. --json: <c>{"name","cap","spent","reserved","available"}</c>.
/// </summary>
internal sealed class EnrichBudgetCommand : CliCommand
{
    private readonly Argument<string> _name = EnrichNameArgument.Create();

    // Read as text and converted when the command runs: the parser cannot hand back null ('none') for a value given.
    private readonly Argument<string> _credits = new("CREDITS")
    {
        Description = "the most credits the enrichment may spend in all, e.g. 250, or 'none' for no cap",
    };

    public EnrichBudgetCommand()
        : base("budget", "sets an enrichment's credit cap and prints its cap, spent, reserved and available credits")
    {
        Arguments.Add(_name);
        Arguments.Add(_credits);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        var credits = CreditAmounts.ParseCap(Path, parse.GetRequiredValue(_credits));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        await EnrichmentCalls.GuardAsync(() => session.Enrichments.SetBudgetAsync(name, credits, cancellationToken));
        var budget = await EnrichmentCalls.GuardAsync(() => session.Enrichments.GetBudgetAsync(name, cancellationToken).AsTask());
        if (context.Json)
        {
            context.WriteJson(EnrichmentJson.Budget(budget));
        }
        else
        {
            context.Out.WriteLine($"Enrichment '{name}': {EnrichmentText.Budget(budget)}.");
        }

        return ExitCodes.Success;
    }
}
