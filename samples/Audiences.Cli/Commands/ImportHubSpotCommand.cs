using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Syncs;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>import hubspot [--base-url URL] --token T --object contacts|companies|deals --kind K [--source NAME] [--full]</c>:
/// saves the object as a sync run by hand, named <c>hubspot:SOURCE:OBJECT</c>, and runs it once; a later import with the
/// same source and object reads only the records changed since, from the sync's <c>updated_at</c> cursor. --json: the
/// summary of <c>import sql</c>. A failed run prints its summary and the SDK's message (token as ***), exit 1.
/// </summary>
internal sealed class ImportHubSpotCommand : CliCommand
{
    private readonly Option<string?> _baseUrl = ConnectorOptions.BaseUrl();
    private readonly Option<string> _token = ConnectorOptions.Token();
    private readonly Option<string> _object = ConnectorOptions.HubSpotObject("--object", "the object read");
    private readonly Option<Sdk.Profiles.EntityKind> _kind = CommonOptions.Kind("the kind of profile the records describe (person for contacts, company for companies)");
    private readonly Option<string?> _source = new("--source")
    {
        Description = "the source name in each record's key (default: hubspot)",
        HelpName = "NAME",
        CustomParser = Parsers.One(ImportArguments.Name("--source")),
    };

    private readonly Option<bool> _full = CommonOptions.Flag("--full", "read every record again, ignoring the stored cursor (also finds archived records)");

    public ImportHubSpotCommand()
        : base("hubspot", "imports HubSpot contacts, companies or deals; run again, it reads only what changed")
    {
        _token.Required = _object.Required = true;
        foreach (var option in new Option[] { _baseUrl, _token, _object, _kind, _source, _full })
        {
            Options.Add(option);
        }
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var objectName = parse.GetRequiredValue(_object);
        var sourceName = parse.GetValue(_source) ?? ConnectorSources.HubSpot;
        var definition = ConnectorSources.HubSpotSync(
            ConnectorSources.ImportName(ConnectorSources.HubSpot, sourceName, objectName),
            parse.GetValue(_baseUrl),
            parse.GetRequiredValue(_token),
            objectName,
            parse.GetValue(_kind),
            sourceName);
        return await ConnectorImport.RunAsync(context, definition, parse.GetValue(_full), $"the HubSpot {objectName}", cancellationToken);
    }
}
