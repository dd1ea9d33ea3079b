using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Signals;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>signal add NAME --type T --provider P --audience ID|NAME [--audience ...] [--lookback 3m|6m|12m] [--every D] [--budget CREDITS]</c>:
/// defines a signal (or replaces the one of that name, keeping its runs and companions) after the SDK checks it, and prints it
/// with its companion audiences and fields. Its kind is its provider's. --json: the signal as <c>signal list</c> shows it.
/// </summary>
internal sealed class SignalAddCommand : CliCommand
{
    private readonly Argument<string> _name = SignalNameArgument.Create("the signal's name, e.g. job-moves (letters, digits, '-' and '_')");

    private readonly Option<SignalType> _type = new Option<SignalType>("--type")
    {
        Description = $"the kind of event it watches for: {SignalTypeText.Choices}; the provider's own",
        HelpName = "T",
        Required = true,
        CustomParser = Parsers.One(value => SignalLookBacks.ParseType("--type", value)),
    }.CompletingWith("job-change", "funding", "hiring-spike", "custom");

    private readonly Option<string> _provider = new("--provider")
    {
        Description = "the signal provider, e.g. sample-job-change",
        HelpName = "P",
        Required = true,
    };

    private readonly Option<IReadOnlyList<AudienceReference>> _audiences = new("--audience")
    {
        Description = "an audience whose members it checks: its id or its name; repeatable",
        HelpName = "ID|NAME",
        Arity = ArgumentArity.OneOrMore,
        Required = true,
        CustomParser = Parsers.Each(value => AudienceReference.Parse("--audience", value)),
    };

    private readonly Option<SignalLookBack?> _lookBack = new Option<SignalLookBack?>("--lookback")
    {
        Description = "how far back the first check of a record looks: 3m (the default), 6m or 12m",
        HelpName = "3m|6m|12m",
        CustomParser = Parsers.One<SignalLookBack?>(value => SignalLookBacks.Parse("--lookback", value)),
    }.CompletingWith("3m", "6m", "12m");

    private readonly Option<TimeSpan?> _every = new("--every")
    {
        Description = "check again on its own this often, e.g. 1d (durations: 90s, 15m, 12h, 1d); by hand only without it",
        HelpName = "DURATION",
        CustomParser = Parsers.One<TimeSpan?>(value => Durations.Parse("--every", value)),
    };

    // Read as text and converted when the command runs: the parser cannot hand back null ('none') for a value given.
    private readonly Option<string?> _budget = new("--budget")
    {
        Description = "the most credits it may spend, or 'none' for no cap (left as it is when not given)",
        HelpName = "CREDITS",
    };

    public SignalAddCommand()
        : base("add", "defines a signal: its type, provider, audiences, look-back, recurrence and budget; creates a companion audience per audience")
    {
        Arguments.Add(_name);
        Options.Add(_type);
        Options.Add(_provider);
        Options.Add(_audiences);
        Options.Add(_lookBack);
        Options.Add(_every);
        Options.Add(_budget);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        var provider = parse.GetRequiredValue(_provider).Trim();
        if (provider.Length == 0)
        {
            throw new InputException("--provider is empty; name a signal provider, e.g. --provider sample-job-change.");
        }

        var budgetText = parse.GetValue(_budget);
        var budget = budgetText is null ? null : CreditAmounts.ParseCap("--budget", budgetText);
        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);

        // The kind is the provider's: an audience of the other kind is then refused naming the audience.
        var kind = (await SignalCalls.GuardAsync(() => Task.FromResult(session.Providers.GetSignalProvider(provider)))).Kind;
        var audiences = new List<long>();
        foreach (var reference in parse.GetValue(_audiences) ?? [])
        {
            audiences.Add((await AudienceCommand.RequireAsync(session, reference, "--audience", cancellationToken)).Id);
        }

        var definition = new SignalDefinition(name, kind, parse.GetRequiredValue(_type), provider, audiences)
        {
            LookBack = parse.GetValue(_lookBack) ?? SignalLookBack.ThreeMonths,
            Every = parse.GetValue(_every),
        };
        definition = await SignalCalls.GuardAsync(() => session.Signals.SaveAsync(definition, cancellationToken));
        if (budgetText is not null)
        {
            await SignalCalls.GuardAsync(() => session.Signals.SetBudgetAsync(definition.Name, budget, cancellationToken));
        }

        var current = await session.Signals.GetBudgetAsync(definition.Name, cancellationToken);
        var names = await SignalCalls.AudienceNamesAsync(session, [definition], cancellationToken);
        if (context.Json)
        {
            context.WriteJson(SignalJson.Definition(definition, names, current, await SignalCalls.LastRunAsync(session, definition.Name, cancellationToken)));
            return ExitCodes.Success;
        }

        SignalText.WriteDefinition(context.Out, definition, names, current);
        context.Out.WriteLine($"See what a run costs with: signal preview {definition.Name}; run it with: signal run {definition.Name}.");
        return ExitCodes.Success;
    }
}
