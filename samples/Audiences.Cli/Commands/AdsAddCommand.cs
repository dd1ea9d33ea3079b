using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>ads add NAME --platform meta|google|linkedin --audience ID|NAME --token T [--endpoint URL]</c> plus the platform's account
/// options: defines an ad audience — an export of the audience's people to the platform that creates members, removes those
/// who leave, and writes email, phone, names and country (those the platform takes and the catalog holds) always. --json: the
/// ad audience as <c>ads list</c> shows it, the token as <c>***</c>.
/// </summary>
internal sealed class AdsAddCommand : CliCommand
{
    private readonly Argument<string> _name = ExportNameArgument.Create("the ad audience's name, e.g. meta-hot-leads (letters, digits, '-', '_' and '.')");
    private readonly AdAudienceOptions _platform = new();
    private readonly ExportScheduleOptions _schedule = new();

    private readonly Option<AudienceReference> _audience = new("--audience")
    {
        Description = "the audience of people sent to the platform: its id or its name",
        HelpName = "ID|NAME",
        Required = true,
        CustomParser = Parsers.One(value => AudienceReference.Parse("--audience", value)),
    };

    public AdsAddCommand()
        : base(
            "add",
            "defines an ad audience: an audience's people kept in a Meta custom audience, a Google Customer Match list or a LinkedIn segment, "
            + "added when they join and removed when they leave (every 24h unless --every or --manual)")
    {
        Arguments.Add(_name);
        _platform.AddTo(this);
        Options.Add(_audience);
        _schedule.AddTo(this);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        var settings = _platform.Settings(parse);
        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, parse.GetRequiredValue(_audience), "--audience", cancellationToken);

        // The platform's fields the workspace holds: a field no profile has yet would be refused by the SDK.
        var catalog = (await session.Profiles.GetFieldsAsync(EntityKind.Person, cancellationToken)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var fields = AdAudienceOptions.Fields(settings.Type).Where(f => f == ExportDestinationOptions.DefaultKey || catalog.Contains(f));
        var definition = new ExportDefinition(name, EntityKind.Person, settings)
        {
            Audience = audience.Id,
            Mappings = [.. fields.Select(f => new ExportMapping(f, f) { Rule = WriteRule.Always })],
            CreateNew = true,
            RemoveOnExit = true,
            Every = _schedule.Every(parse),
        };
        definition = await ExportCalls.SaveAsync(context, session, definition, cancellationToken);
        var names = await ExportCalls.AudienceNamesAsync(session, [definition], cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AdJson.Definition(definition, names, await ExportCalls.LastRunAsync(session, definition.Name, cancellationToken)));
            return ExitCodes.Success;
        }

        context.Out.WriteLine(
            $"Saved ad audience '{definition.Name}' ({DestinationText.Summary(definition.Destination)}, {ExportText.Schedule(definition)}): "
            + $"{ExportText.Audience(definition.Audience, names)}, members added when they join and removed when they leave.");
        context.Out.WriteLine($"Sends (hashed by the platform's rules): {string.Join(", ", definition.Mappings.Select(m => m.DestinationField))}.");
        context.Out.WriteLine($"Sync it now with: ads sync {definition.Name}; see how it went with: ads status {definition.Name}.");
        return ExitCodes.Success;
    }
}
