using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Commands;

namespace Audiences.Cli.Syncs;

/// <summary>The options naming a CRM to read, shared by <c>import salesforce|hubspot</c> and <c>sync add</c>, so the same words mean the same everywhere.</summary>
internal static class ConnectorOptions
{
    public static Option<string> InstanceUrl() => new("--instance-url")
    {
        Description = "salesforce: the org's address, e.g. https://acme.my.salesforce.com",
        HelpName = "URL",
        CustomParser = Parsers.One(value => ConnectorSources.Url("--instance-url", value)),
    };

    public static Option<string?> BaseUrl() => new("--base-url")
    {
        Description = $"hubspot: the API's address (default {ConnectorSources.DefaultHubSpotUrl})",
        HelpName = "URL",
        CustomParser = Parsers.One<string?>(value => ConnectorSources.Url("--base-url", value)),
    };

    public static Option<string> Token() => new("--token")
    {
        Description = "the access token (Salesforce: a session or OAuth token; HubSpot: a private app's token); stored with the sync, printed as ***",
        HelpName = "TOKEN",
        CustomParser = Parsers.One(Token),
    };

    public static Option<string> SalesforceObject(string name, string description) => new Option<string>(name)
    {
        Description = description,
        HelpName = string.Join('|', ConnectorSources.SalesforceObjects),
        CustomParser = Parsers.One(value => ConnectorSources.SalesforceObject(name, value)),
    }.CompletingWith([.. ConnectorSources.SalesforceObjects]);

    public static Option<string> HubSpotObject(string name, string description) => new Option<string>(name)
    {
        Description = description,
        HelpName = string.Join('|', ConnectorSources.HubSpotObjects),
        CustomParser = Parsers.One(value => ConnectorSources.HubSpotObject(name, value)),
    }.CompletingWith([.. ConnectorSources.HubSpotObjects]);

    private static string Token(string value) =>
        value.Trim() is { Length: > 0 } token ? token : throw new InputException("--token is empty; give the access token.");
}
