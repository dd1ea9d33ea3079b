using Audiences.Cli.Cli;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's CRM imports, made as <c>import salesforce</c> and <c>import hubspot</c> make them (a sync per CRM and
/// object, run by hand): Salesforce accounts, contacts, leads and opportunities, HubSpot companies, contacts and deals;
/// then one opportunity changed in the org and its import run again, reading only that record.
/// </summary>
internal sealed record DemoCrmImport(
    Uri SalesforceUrl,
    Uri HubSpotUrl,
    IReadOnlyList<DemoCrmRun> Runs,
    DemoCrmRun Rerun,
    Profile? Converted,
    int SalesforceCalls,
    int HubSpotCalls)
{
    // Accounts before contacts and leads (their company links), contacts before leads (a converted lead finds its
    // contact), and opportunities and deals after the records that own them.
    private static readonly (string Crm, string Object, EntityKind Kind)[] Objects =
    [
        (ConnectorSources.Salesforce, "Account", EntityKind.Company),
        (ConnectorSources.Salesforce, "Contact", EntityKind.Person),
        (ConnectorSources.Salesforce, "Lead", EntityKind.Person),
        (ConnectorSources.Salesforce, "Opportunity", EntityKind.Company),
        (ConnectorSources.HubSpot, "companies", EntityKind.Company),
        (ConnectorSources.HubSpot, "contacts", EntityKind.Person),
        (ConnectorSources.HubSpot, "deals", EntityKind.Company),
    ];

    public static async Task<DemoCrmImport> RunAsync(CommandContext context, AudiencesSession session, DemoCrm crm, CancellationToken cancellationToken)
    {
        var runs = new List<DemoCrmRun>();
        foreach (var (type, objectName, kind) in Objects)
        {
            runs.Add(await ImportAsync(context, session, crm, Definition(crm, type, objectName, kind), cancellationToken));
        }

        DemoCrmData.Change(crm, DateTimeOffset.UtcNow);
        var opportunities = runs.Single(r => r.Definition.ObjectName == "Opportunity").Definition;
        var rerun = await ImportAsync(context, session, crm, opportunities, cancellationToken);
        var converted = await session.Profiles.FindProfileAsync(EntityKind.Person, AliasFields.Email, DemoCrmData.ConvertedLeadEmail, cancellationToken);
        return new DemoCrmImport(crm.Salesforce.InstanceUrl, crm.HubSpot.BaseUrl, runs, rerun, converted, crm.SalesforceCalls, crm.HubSpotCalls);
    }

    /// <summary>The sync the import command of the CRM saves for the object, under its default source name.</summary>
    private static SyncDefinition Definition(DemoCrm crm, string type, string objectName, EntityKind kind) => type == ConnectorSources.Salesforce
        ? ConnectorSources.SalesforceSync(
            ConnectorSources.ImportName(type, type, objectName), crm.Salesforce.InstanceUrl.ToString(), crm.Salesforce.AccessToken, objectName, kind, sourceName: null)
        : ConnectorSources.HubSpotSync(
            ConnectorSources.ImportName(type, type, objectName), crm.HubSpot.BaseUrl.ToString(), DemoCrm.HubSpotToken, objectName, kind, sourceName: null);

    private static async Task<DemoCrmRun> ImportAsync(
        CommandContext context, AudiencesSession session, DemoCrm crm, SyncDefinition definition, CancellationToken cancellationToken)
    {
        var salesforce = definition.Source.Type == ConnectorSources.Salesforce;
        var before = salesforce ? crm.SalesforceCalls : crm.HubSpotCalls;
        definition = await SyncCalls.SaveAsync(session, definition, cancellationToken);
        var run = await SyncCalls.RunAsync(context, session, definition, mode: null, cancellationToken);
        return new DemoCrmRun(definition, run, (salesforce ? crm.SalesforceCalls : crm.HubSpotCalls) - before);
    }
}
