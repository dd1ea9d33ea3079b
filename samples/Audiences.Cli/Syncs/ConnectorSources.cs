using Audiences.Cli.Cli;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Syncs;

/// <summary>
/// The syncs the tool defines over a CRM: Salesforce (query jobs, <c>SystemModstamp</c> cursor) and HubSpot (search,
/// <c>updated_at</c> cursor). Records are keyed by the CRM's object name and record id under the source name
/// (<c>salesforce</c> or <c>hubspot</c> unless given), so a converted lead finds its contact and an opportunity its account.
/// </summary>
internal static class ConnectorSources
{
    public const string Salesforce = "salesforce";
    public const string HubSpot = "hubspot";
    public const string DefaultHubSpotUrl = "https://api.hubapi.com";

    /// <summary>The related collection Salesforce opportunities land in, on their accounts' company profiles.</summary>
    public const string Opportunity = "opportunity";

    /// <summary>The related collection HubSpot deals land in, on their primary companies' profiles.</summary>
    public const string Deal = "deal";

    /// <summary>
    /// The collections declared to the SDK, so audiences reach them through quantifiers
    /// (<c>opportunity.any(amount &gt;= 20000)</c>), with the fields the sources hand out.
    /// </summary>
    public static IReadOnlyList<RelatedRecordType> RelatedTypes { get; } =
    [
        new(Opportunity, EntityKind.Company,
        [
            new FieldDefinition("name", EntityKind.Company, FieldType.Text, Salesforce),
            new FieldDefinition("amount", EntityKind.Company, FieldType.Number, Salesforce),
            new FieldDefinition("stagename", EntityKind.Company, FieldType.Text, Salesforce),
            new FieldDefinition("closedate", EntityKind.Company, FieldType.Text, Salesforce),
        ]),
        new(Deal, EntityKind.Company,
        [
            new FieldDefinition("dealname", EntityKind.Company, FieldType.Text, HubSpot),
            new FieldDefinition("amount", EntityKind.Company, FieldType.Number, HubSpot),
            new FieldDefinition("dealstage", EntityKind.Company, FieldType.Text, HubSpot),
            new FieldDefinition("closedate", EntityKind.Company, FieldType.DateTime, HubSpot),
        ]),
    ];

    /// <summary>The Salesforce objects <c>import salesforce --object</c> takes.</summary>
    public static readonly IReadOnlyList<string> SalesforceObjects = ["Account", "Contact", "Lead", "Opportunity"];

    /// <summary>The HubSpot objects <c>import hubspot --object</c> takes.</summary>
    public static readonly IReadOnlyList<string> HubSpotObjects = ["contacts", "companies", "deals"];

    /// <summary>A Salesforce object's name as its API spells it.</summary>
    /// <exception cref="InputException">It is none of the objects the tool reads.</exception>
    public static string SalesforceObject(string option, string value) =>
        SalesforceObjects.FirstOrDefault(o => string.Equals(o, value.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new InputException($"{option} '{value}' is not a Salesforce object this tool reads; use {string.Join(", ", SalesforceObjects)}.");

    /// <summary>A HubSpot object's name as its API spells it.</summary>
    /// <exception cref="InputException">It is none of the objects the tool reads.</exception>
    public static string HubSpotObject(string option, string value) =>
        HubSpotObjects.FirstOrDefault(o => string.Equals(o, value.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new InputException($"{option} '{value}' is not a HubSpot object this tool reads; use {string.Join(", ", HubSpotObjects)}.");

    /// <summary>An absolute http(s) address, as given.</summary>
    /// <exception cref="InputException">It is not one.</exception>
    public static string Url(string option, string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? value.Trim()
            : throw new InputException($"{option} '{value}' is not an http(s) address, e.g. https://acme.my.salesforce.com.");

    /// <summary>The name the imports give their sync: one per CRM, source and object, so each object keeps its cursor.</summary>
    public static string ImportName(string type, string sourceName, string objectName) => $"{type}:{sourceName}:{objectName}";

    /// <summary>
    /// A sync of a Salesforce object. Opportunities land as related records of their accounts, which an import of
    /// <c>Account</c> under the same source name creates; leads rank as CRM leads in survivorship.
    /// </summary>
    public static SyncDefinition SalesforceSync(string name, string instanceUrl, string token, string objectName, EntityKind kind, string? sourceName) =>
        new(name, new SourceSettings(Salesforce, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["instance-url"] = instanceUrl,
            ["token"] = token,
            ["object"] = objectName,
        }), objectName, "Id")
        {
            Kind = kind,
            TimestampField = "SystemModstamp",
            SourceName = sourceName ?? Salesforce,
            SourceKind = objectName == "Lead" ? SourceKind.CrmLead : SourceKind.Crm,

            // The account and contact ids become the record's company link and conversion, not profile fields.
            Mappings = objectName switch
            {
                "Contact" => [new FieldMapping("AccountId", null)],
                "Lead" => [new FieldMapping("ConvertedAccountId", null), new FieldMapping("ConvertedContactId", null)],
                _ => [],
            },
            Related = objectName == "Opportunity" ? new RelatedTarget(Opportunity, EntityKind.Company, "AccountId") { OwnerObject = "Account" } : null,
        };

    /// <summary>A sync of a HubSpot object, read again from its <c>updated_at</c> cursor at every later run.</summary>
    public static SyncDefinition HubSpotSync(string name, string? baseUrl, string token, string objectName, EntityKind kind, string? sourceName)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["token"] = token, ["object"] = objectName };
        if (baseUrl is not null)
        {
            settings["base-url"] = baseUrl;
        }

        return new SyncDefinition(name, new SourceSettings(HubSpot, settings), objectName, "id")
        {
            Kind = kind,
            TimestampField = "updated_at",
            SourceName = sourceName ?? HubSpot,
            SourceKind = SourceKind.Crm,

            // A deal names its primary company's HubSpot id, which an import of companies under the same source name keys.
            Related = objectName == "deals" ? new RelatedTarget(Deal, EntityKind.Company, "hubspot_company_id") { OwnerObject = "companies" } : null,
        };
    }
}
