using System.CommandLine;
using System.Globalization;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.DataHub;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>fields edit --kind K FIELD [--description TEXT] [--display-name NAME] [--cost CREDITS|none] [--export on|off]</c>:
/// changes a field's settings; an empty description and <c>--cost none</c> clear them. --json: the field as stored
/// (<see cref="HubJson.Definition"/>). An unknown field exits 1; no setting to change exits 2.
/// </summary>
internal sealed class FieldsEditCommand : CliCommand
{
    private readonly Option<EntityKind> _kind = CommonOptions.Kind("the kind of the field");

    private readonly Argument<string> _field = new("FIELD") { Description = "the field's key, e.g. work_email" };

    private readonly Option<string?> _description = new("--description") { Description = "what the field means; \"\" removes it", HelpName = "TEXT" };

    private readonly Option<string?> _displayName = new("--display-name") { Description = "the name shown for the field", HelpName = "NAME" };

    private readonly Option<string?> _cost = new("--cost")
    {
        Description = "the credits one value costs when bought from a provider; 'none' makes the field free",
        HelpName = "CREDITS|none",
        CustomParser = Parsers.One(ParseCost),
    };

    private readonly Option<FieldExportStatus?> _export = new Option<FieldExportStatus?>("--export")
    {
        Description = "whether the field may be written to destinations",
        HelpName = "on|off",
        CustomParser = Parsers.One<FieldExportStatus?>(ParseExport),
    }.CompletingWith("on", "off");

    public FieldsEditCommand()
        : base("edit", "changes a field's description, display name, cost or export status")
    {
        Options.Add(_kind);
        Arguments.Add(_field);
        Options.Add(_description);
        Options.Add(_displayName);
        Options.Add(_cost);
        Options.Add(_export);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var description = parse.GetValue(_description);
        var cost = parse.GetValue(_cost);
        var edit = new FieldEdit
        {
            Description = string.IsNullOrEmpty(description) ? null : description,
            ClearDescription = description is { Length: 0 },
            DisplayName = parse.GetValue(_displayName),
            CostPerRecord = cost is null or "none" ? null : decimal.Parse(cost, CultureInfo.InvariantCulture),
            ClearCost = cost == "none",
            ExportStatus = parse.GetValue(_export),
        };
        if (edit == new FieldEdit())
        {
            context.Error.WriteLine("error: nothing to change; give --description, --display-name, --cost or --export.");
            return ExitCodes.Usage;
        }

        var kind = parse.GetValue(_kind);
        var key = parse.GetValue(_field)!;
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        FieldDefinition field;
        try
        {
            field = await session.DataHub.EditFieldAsync(kind, key, edit, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            throw new InputException($"there is no {Names.Kind(kind)} field '{key}'; list the fields with 'hub fields --kind {Names.Kind(kind)}'.");
        }

        if (context.Json)
        {
            context.WriteJson(HubJson.Definition(field));
        }
        else
        {
            context.Out.WriteLine(
                $"Edited {Names.Kind(kind)} field {field.Key}: name '{field.DisplayName}', description {(field.Description is null ? "-" : $"'{field.Description}'")}, "
                + $"cost {(field.CostPerRecord is { } c ? Enrichments.CreditAmounts.Format(c) : "-")}, export {HubJson.Export(field.ExportStatus)}.");
        }

        return ExitCodes.Success;
    }

    private static string ParseCost(string value)
    {
        var text = value.Trim();
        if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
        {
            return "none";
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var credits)
            ? credits.ToString(CultureInfo.InvariantCulture)
            : throw new InputException($"--cost '{value}' is not a credit amount; give a number of credits of at least 0, e.g. 0.5, or 'none' to make the field free.");
    }

    private static FieldExportStatus? ParseExport(string value) => value.Trim().ToUpperInvariant() switch
    {
        "ON" => FieldExportStatus.Exported,
        "OFF" => FieldExportStatus.NotExported,
        _ => throw new InputException($"--export '{value}' is neither on nor off."),
    };
}
