using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>export add NAME --to sql|csv --kind K [--audience ID|NAME] --map FIELD=DEST_FIELD[:RULE] ... [--membership AUDIENCE=DEST_FIELD:IN[:OUT]]
/// [--create] [--remove-on-exit] [--every D | --manual] [--key-field F | --key-source S] [--max-attempts N]</c>, with
/// <c>--provider --connection --table --key-column</c> for sql, <c>--file</c> for csv, <c>--instance-url --token --object [--key]</c> for
/// salesforce and <c>[--base-url] --token --object [--key]</c> for hubspot: defines an export (or replaces the one of
/// that name, keeping its runs and ledger) after the SDK checks it against its destination. --json: the export as
/// <c>export list</c> shows it.
/// </summary>
internal sealed class ExportAddCommand : CliCommand
{
    private readonly Argument<string> _name = ExportNameArgument.Create("the export's name, e.g. crm-contacts (letters, digits, '-', '_' and '.')");
    private readonly ExportDestinationOptions _destination = new();
    private readonly ExportScheduleOptions _schedule = new();
    private readonly Option<EntityKind> _kind = CommonOptions.Kind("the kind of profile exported");

    private readonly Option<AudienceReference?> _audience = new("--audience")
    {
        Description = "the audience whose members are exported: its id or its name (default: every profile of the kind with a key)",
        HelpName = "ID|NAME",
        CustomParser = Parsers.One<AudienceReference?>(value => AudienceReference.Parse("--audience", value)),
    };

    private readonly Option<IReadOnlyList<ExportMapping>> _map = new("--map")
    {
        Description = "writes a profile field to a destination field under a rule: never (the default: mapped, the destination's value kept), "
            + "if-empty (only while the destination's value is empty) or always; repeat for more",
        HelpName = "FIELD=DEST_FIELD[:never|if-empty|always]",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = Parsers.Each(ExportMappingText.Mapping),
    };

    private readonly Option<IReadOnlyList<MembershipText>> _membership = new("--membership")
    {
        Description = "writes VALUE_IN to DEST_FIELD while the record is a member of AUDIENCE (id or name), VALUE_OUT (or empty) once it is not; repeatable",
        HelpName = "AUDIENCE=DEST_FIELD:VALUE_IN[:VALUE_OUT]",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = Parsers.Each(ExportMappingText.Membership),
    };

    private readonly Option<bool> _create = CommonOptions.Flag("--create", "create the records the destination does not hold (off: only records that exist are updated)");
    private readonly Option<bool> _removeOnExit = CommonOptions.Flag("--remove-on-exit", "remove records from the destination once they leave --audience");

    private readonly Option<string?> _keySource = new("--key-source")
    {
        Description = "key records by the record id from this source (e.g. crm) rather than by --key-field",
        HelpName = "SOURCE",
        CustomParser = Parsers.One(ImportArguments.Name("--key-source")),
    };

    private readonly Option<int?> _maxAttempts = new("--max-attempts")
    {
        Description = "how many times a record's write is tried before the export gives up on it until it changes (default 5)",
        HelpName = "N",
        CustomParser = Parsers.One<int?>(value => Attempts(value)),
    };

    public ExportAddCommand()
        : base(
            "add",
            "defines an export of an audience's (or every) profile to a SQL table (--to sql), a CSV file (--to csv) or a Salesforce or HubSpot object (--to salesforce|hubspot): its field mappings with their write rules "
            + "(a mapping without a rule is never: mapped, but the destination's value is kept), segment membership, creating and removing, and its schedule (every 24h unless --every or --manual)")
    {
        Arguments.Add(_name);
        _destination.AddTo(this);
        Options.Add(_kind);
        Options.Add(_audience);
        Options.Add(_map);
        Options.Add(_membership);
        Options.Add(_create);
        Options.Add(_removeOnExit);
        Options.Add(_keySource);
        Options.Add(_maxAttempts);
        _schedule.AddTo(this);
        Validators.Add(result =>
        {
            if (result.GetResult(_map) is null && result.GetResult(_membership) is null)
            {
                result.AddError("Map at least one field: --map FIELD=DEST_FIELD[:RULE], or --membership AUDIENCE=DEST_FIELD:VALUE_IN.");
            }

            if (result.GetResult(_keySource) is not null && result.GetResult(_destination.KeyField) is not null)
            {
                result.AddError("--key-source and --key-field both say how records are keyed; give one.");
            }
        });
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        var settings = _destination.Settings(parse);
        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        var kind = parse.GetValue(_kind);
        long? audience = parse.GetValue(_audience) is { } reference
            ? (await AudienceCommand.RequireAsync(session, reference, "--audience", cancellationToken)).Id
            : null;
        var membership = new List<MembershipMapping>();
        foreach (var given in parse.GetValue(_membership) ?? [])
        {
            var member = await AudienceCommand.RequireAsync(session, given.Audience, "--membership", cancellationToken);
            membership.Add(new MembershipMapping(member.Id, given.DestinationField, FieldValue.FromText(given.ValueIn))
            {
                ValueOut = given.ValueOut is null ? FieldValue.Empty : FieldValue.FromText(given.ValueOut),
            });
        }

        var mappings = parse.GetValue(_map) ?? [];
        if (settings.Type == DestinationNames.Csv)
        {
            // A file not there yet is created with the key column and the mapped columns, in the order given.
            var columns = mappings.Select(m => m.DestinationField).Concat(membership.Select(m => m.DestinationField))
                .Prepend(settings[DestinationNames.KeyColumn]!).Distinct(StringComparer.Ordinal);
            settings = settings with { Values = new Dictionary<string, string>(settings.Values) { [DestinationNames.Columns] = string.Join(",", columns) } };
        }
        else
        {
            settings = WithCrmFields(settings, mappings.Select(m => m.DestinationField).Concat(membership.Select(m => m.DestinationField)));
        }

        var definition = new ExportDefinition(name, kind, settings)
        {
            Audience = audience,
            Mappings = mappings,
            Membership = membership,
            KeyField = parse.GetValue(_destination.KeyField) ?? ExportDestinationOptions.DefaultKey,
            KeySource = parse.GetValue(_keySource),
            CreateNew = parse.GetValue(_create),
            RemoveOnExit = parse.GetValue(_removeOnExit),
            Every = _schedule.Every(parse),
            MaxAttempts = parse.GetValue(_maxAttempts) ?? 5,
        };
        definition = await ExportCalls.SaveAsync(context, session, definition, cancellationToken);
        var names = await ExportCalls.AudienceNamesAsync(session, [definition], cancellationToken);
        var hint = NeverHint(definition);
        if (context.Json)
        {
            context.WriteJson(ExportJson.Definition(definition, names, await ExportCalls.LastRunAsync(session, definition.Name, cancellationToken)));
            if (hint is not null)
            {
                await context.Error.WriteLineAsync($"hint: {hint}");
            }

            return ExitCodes.Success;
        }

        ExportText.WriteDefinition(context.Out, definition, names);
        if (hint is not null)
        {
            context.Out.WriteLine($"Hint: {hint}");
        }

        context.Out.WriteLine($"See what a run would write with: export plan {definition.Name}; run it with: export run {definition.Name}.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The CRM destinations write only the fields they are told of — Salesforce's <c>fields</c>, and HubSpot's <c>properties</c>
    /// beyond its standard ones (a portal's own, such as a custom <c>open_pipeline</c>) — which are the fields mapped; other
    /// destinations' settings are returned as they are.
    /// </summary>
    public static DestinationSettings WithCrmFields(DestinationSettings settings, IEnumerable<string> destinationFields)
    {
        var name = settings.Type switch
        {
            DestinationNames.Salesforce => DestinationNames.Fields,
            DestinationNames.HubSpot => DestinationNames.Properties,
            _ => null,
        };
        return name is null
            ? settings
            : settings with { Values = new Dictionary<string, string>(settings.Values) { [name] = string.Join(",", destinationFields.Distinct(StringComparer.OrdinalIgnoreCase)) } };
    }

    /// <exception cref="InputException">The value is not a whole number of at least 1.</exception>
    private static int Attempts(string value) =>
        int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var attempts) && attempts > 0
            ? attempts
            : throw new InputException($"--max-attempts '{value}' is not a number of tries; give a whole number of at least 1, e.g. --max-attempts 5.");

    /// <summary>The hint when no mapping can ever write (every rule is never and no membership is mapped); null otherwise.</summary>
    public static string? NeverHint(ExportDefinition definition) =>
        definition.Mappings.Count > 0 && definition.Membership.Count == 0 && definition.Mappings.All(m => m.Rule == WriteRule.Never)
            ? "every mapping is 'never' (the default when no rule is given), so existing records are never updated"
              + (definition.CreateNew ? " (only records created get values)" : string.Empty)
              + "; add a rule to write, e.g. --map email=email:always or --map title=title:if-empty."
            : null;
}
