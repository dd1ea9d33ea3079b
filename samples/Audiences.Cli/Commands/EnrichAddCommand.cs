using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Output;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>enrich add NAME --provider P[,P2...] --audience ID|NAME [--audience ...] [--map OUTPUT=FIELD ...] [--budget CREDITS]
/// [--gate FILTER] [--action NAME] [--every D | --cron EXPR] [--continuous] [--kind K]</c>: defines an enrichment (or replaces the one of
/// that name, keeping its runs: every option not given is reset, so give them all again) after the SDK checks it, and prints
/// its warnings (its audiences holding more records than its row-capped action takes). --json: the enrichment as
/// <c>enrich list</c> shows it, with <c>"warnings":["..."]</c>.
/// </summary>
/// <remarks>
/// As <c>enrich edit NAME</c> (the same options, none required) it changes only what is given on the stored enrichment,
/// keeping the rest and its runs: <c>--continuous false</c> turns continuous running off.
/// </remarks>
internal sealed class EnrichAddCommand : CliCommand
{
    private readonly bool _edit;

    private readonly Argument<string> _name = EnrichNameArgument.Create("the enrichment's name, e.g. work-emails");

    private readonly Option<IReadOnlyList<string>> _providers = new("--provider")
    {
        Description = "the providers, tried in the order given (a waterfall): P or P1,P2; repeatable",
        HelpName = "P[,P2...]",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
    };

    private readonly Option<IReadOnlyList<AudienceReference>> _audiences = new("--audience")
    {
        Description = "an audience whose members it enriches: its id or its name; repeatable",
        HelpName = "ID|NAME",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = Parsers.Each(value => AudienceReference.Parse("--audience", value)),
    };

    private readonly Option<IReadOnlyList<EnrichmentMapping>> _maps = new("--map")
    {
        Description = "where an output lands: the provider's output, '=', the profile field; repeatable. Without it the enrichment is action-only, and needs --action",
        HelpName = "OUTPUT=FIELD",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = Parsers.Each(value => EnrichmentMappings.Parse("--map", value)),
    };

    // Read as text and converted when the command runs: the parser cannot hand back null ('none') for a value given.
    private readonly Option<string?> _budget = new("--budget")
    {
        Description = "the most credits it may spend, or 'none' (the default) for no cap",
        HelpName = "CREDITS",
    };

    private readonly Option<string?> _action = new("--action")
    {
        Description = "a record action the host registered, triggered for each record found (and passing --gate); needed when there is no --map",
        HelpName = "NAME",
    };

    private readonly Option<string?> _gate = new("--gate")
    {
        Description = "filter text a found record must meet to go on to the enrichment's action, e.g. \"employees >= 50\"",
        HelpName = "FILTER",
    };

    private readonly Option<bool> _continuous = CommonOptions.Flag("--continuous", "also enrich records as they enter its audiences (run by a host's scheduler)");
    private readonly Option<EntityKind?> _kind = CommonOptions.OptionalKind("the kind of profile it enriches (default: the first audience's kind)");
    private readonly EnrichmentScheduleOptions _schedule = new();

    public EnrichAddCommand(bool edit = false)
        : base(edit ? "edit" : "add", edit
            ? "changes an enrichment: only the options given, keeping the rest of its definition and its runs"
            : "defines an enrichment: its providers, audiences, where its outputs land, its budget, gate and schedule; on an existing name it replaces the whole definition (its runs stay), resetting every option not given")
    {
        _edit = edit;
        _providers.Required = !edit;
        _audiences.Required = !edit;
        Arguments.Add(_name);
        Options.Add(_providers);
        Options.Add(_audiences);
        Options.Add(_maps);
        Options.Add(_budget);
        Options.Add(_gate);
        Options.Add(_action);
        _schedule.AddTo(this);
        Options.Add(_continuous);
        Options.Add(_kind);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        var providers = parse.GetValue(_providers) ?? [];
        if (parse.GetResult(_providers) is { Implicit: false } && providers.Count == 0)
        {
            throw new InputException("--provider is empty; name a provider, e.g. --provider sample-work-email.");
        }

        var gate = parse.GetValue(_gate);
        if (gate is not null && string.IsNullOrWhiteSpace(gate))
        {
            throw new InputException("--gate is empty; give filter text, e.g. --gate \"employees >= 50\", or leave the option out.");
        }

        var schedule = _schedule.Schedule(parse);
        var budgetText = parse.GetValue(_budget);
        var budget = budgetText is null ? null : CreditAmounts.ParseCap("--budget", budgetText);
        var action = parse.GetValue(_action);
        if (action is not null && string.IsNullOrWhiteSpace(action))
        {
            throw new InputException("--action is empty; name a record action the host registered, or leave the option out.");
        }
        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        var audiences = new List<long>();
        EntityKind? firstKind = null;
        foreach (var reference in parse.GetValue(_audiences) ?? [])
        {
            var audience = await AudienceCommand.RequireAsync(session, reference, "--audience", cancellationToken);
            firstKind ??= audience.Kind;
            audiences.Add(audience.Id);
        }

        EnrichmentDefinition definition;
        if (_edit)
        {
            var stored = await EnrichmentCalls.RequireAsync(session, name, cancellationToken);
            definition = stored with
            {
                Kind = parse.GetValue(_kind) ?? stored.Kind,
                Providers = providers.Count > 0 ? providers : stored.Providers,
                Audiences = audiences.Count > 0 ? audiences : stored.Audiences,
                Mappings = parse.GetValue(_maps) ?? stored.Mappings,
                Action = action?.Trim() ?? stored.Action,
                Gate = gate?.Trim() ?? stored.Gate,
                Schedule = schedule ?? stored.Schedule,
                Continuous = parse.GetResult(_continuous) is { Implicit: false } ? parse.GetValue(_continuous) : stored.Continuous,
            };
        }
        else
        {
            definition = new EnrichmentDefinition(name, parse.GetValue(_kind) ?? firstKind!.Value, providers, audiences)
            {
                Mappings = parse.GetValue(_maps) ?? [],
                Action = action?.Trim(),
                Gate = gate?.Trim(),
                Schedule = schedule,
                Continuous = parse.GetValue(_continuous),
            };
        }

        definition = await EnrichmentCalls.GuardAsync(() => session.Enrichments.SaveAsync(definition, cancellationToken));
        if (budgetText is not null)
        {
            await EnrichmentCalls.GuardAsync(() => session.Enrichments.SetBudgetAsync(definition.Name, budget, cancellationToken));
        }

        var current = await EnrichmentCalls.GuardAsync(() => session.Enrichments.GetBudgetAsync(definition.Name, cancellationToken).AsTask());
        var warnings = await EnrichmentCalls.GuardAsync(() => session.Enrichments.CheckAsync(definition.Name, cancellationToken));
        if (context.Json)
        {
            var json = EnrichmentJson.Definition(definition, current);
            json["warnings"] = EnrichmentJson.Warnings(warnings);
            context.WriteJson(json);
            return ExitCodes.Success;
        }

        context.Out.WriteLine(
            $"Saved enrichment '{definition.Name}' ({Names.Kind(definition.Kind)}, {string.Join(" then ", definition.Providers)}, {EnrichmentText.Schedule(definition)}).");
        context.Out.WriteLine(definition.Mappings.Count == 0
            ? $"No --map: it is action-only, triggering '{definition.Action}' for the records it finds without writing their values to the profiles."
            : $"Writes: {string.Join(", ", definition.Mappings.Select(EnrichmentMappings.Format))}.");
        context.Out.WriteLine($"Budget: {EnrichmentText.Budget(current)}.");
        EnrichmentText.WriteWarnings(context.Out, warnings);
        context.Out.WriteLine($"Try it on a few records with: enrich test {definition.Name}; run it with: enrich run {definition.Name}.");
        return ExitCodes.Success;
    }
}
