using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Syncs;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>import salesforce --instance-url URL --token T --object Account|Contact|Lead|Opportunity --kind K [--source NAME]
/// [--match F] [--full]</c>: saves the object as a sync run by hand, named <c>salesforce:SOURCE:OBJECT</c>, and runs it
/// once; a later import with the same source and object reads only the records changed since (and those deleted), from
/// the sync's cursor. Opportunities land as related records of their accounts, so import <c>Account</c> first. --json:
/// the summary of <c>import sql</c>. A failed run prints its summary and the SDK's message (token as ***), exit 1.
/// </summary>
internal sealed class ImportSalesforceCommand : CliCommand
{
    private readonly Option<string> _instanceUrl = ConnectorOptions.InstanceUrl();
    private readonly Option<string> _token = ConnectorOptions.Token();
    private readonly Option<string> _object = ConnectorOptions.SalesforceObject("--object", "the object read; Opportunity lands as related records of the accounts imported from Account");
    private readonly Option<Sdk.Profiles.EntityKind> _kind = CommonOptions.Kind("the kind of profile the records describe (person for Contact and Lead, company for Account and Opportunity)");
    private readonly Option<string?> _source = new("--source")
    {
        Description = "the source name in each record's key (default: salesforce); imports of one org share it, so leads find their contacts",
        HelpName = "NAME",
        CustomParser = Parsers.One(ImportArguments.Name("--source")),
    };

    private readonly Option<IReadOnlyList<string>?> _match = new("--match")
    {
        Description = "alias fields to match on, comma-separated (default: email,linkedin_url for people, domain for companies)",
        HelpName = "FIELDS",
        CustomParser = Parsers.One(ImportArguments.Match),
    };

    private readonly Option<bool> _full = CommonOptions.Flag("--full", "read every record again, ignoring the stored cursor");

    public ImportSalesforceCommand()
        : base("salesforce", "imports a Salesforce object (Account, Contact, Lead or Opportunity); run again, it reads only what changed")
    {
        _instanceUrl.Required = _token.Required = _object.Required = true;
        foreach (var option in new Option[] { _instanceUrl, _token, _object, _kind, _source, _match, _full })
        {
            Options.Add(option);
        }
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var objectName = parse.GetRequiredValue(_object);
        var sourceName = parse.GetValue(_source) ?? ConnectorSources.Salesforce;
        var definition = ConnectorSources.SalesforceSync(
            ConnectorSources.ImportName(ConnectorSources.Salesforce, sourceName, objectName),
            parse.GetRequiredValue(_instanceUrl),
            parse.GetRequiredValue(_token),
            objectName,
            parse.GetValue(_kind),
            sourceName) with { MatchOn = parse.GetValue(_match) };
        return await ConnectorImport.RunAsync(context, definition, parse.GetValue(_full), $"the Salesforce {objectName} records", cancellationToken);
    }
}
