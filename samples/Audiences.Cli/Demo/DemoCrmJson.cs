using System.Text.Json.Nodes;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;

namespace Audiences.Cli.Demo;

/// <summary>
/// The CRM imports in the demo's JSON: <c>{"standIns":{"salesforce":"URL","hubspot":"URL"},"imports":[{...import summary,
/// "crm":"...","object":"...","related":N,"calls":N}],"change":{...},"rerun":{...},"converted":{...},"calls":{"salesforce":N,"hubspot":N}}</c>.
/// </summary>
internal static class DemoCrmJson
{
    public static JsonObject From(DemoCrmImport demo) => new()
    {
        ["standIns"] = new JsonObject { ["salesforce"] = demo.SalesforceUrl.ToString(), ["hubspot"] = demo.HubSpotUrl.ToString() },
        ["imports"] = new JsonArray([.. demo.Runs.Select(r => (JsonNode)Run(r))]),
        ["change"] = new JsonObject
        {
            ["object"] = "Opportunity",
            ["id"] = DemoCrmData.ChangedOpportunity,
            ["stage"] = DemoCrmData.ChangedStage,
            ["amount"] = DemoCrmData.ChangedAmount,
        },
        ["rerun"] = Run(demo.Rerun),
        ["converted"] = new JsonObject
        {
            ["lead"] = DemoCrmData.ConvertedLead,
            ["leadEmail"] = DemoCrmData.ConvertedLeadEmail,
            ["contact"] = DemoCrmData.ConvertedContact,
            ["profile"] = demo.Converted is { } profile ? CliJson.Profile(profile) : null,
        },
        ["calls"] = new JsonObject { ["salesforce"] = demo.SalesforceCalls, ["hubspot"] = demo.HubSpotCalls },
    };

    private static JsonObject Run(DemoCrmRun demo)
    {
        var json = SyncJson.ImportSummary(demo.Run, ConnectionText.SecretOf(demo.Definition.Source));
        json["crm"] = demo.Definition.Source.Type;
        json["object"] = demo.Definition.ObjectName;
        json["kind"] = Names.Kind(demo.Definition.Kind);
        json["related"] = demo.Run.Related;
        json["calls"] = demo.Calls;
        return json;
    }
}
