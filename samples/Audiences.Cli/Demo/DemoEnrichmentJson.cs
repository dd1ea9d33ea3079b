using System.Text.Json.Nodes;
using Audiences.Cli.Enrichments;

namespace Audiences.Cli.Demo;

/// <summary>
/// The enrichment part of the demo's JSON: <c>{"workEmails":{"budget":N,"firstRun":{...},"raisedBudget":{...},"secondRun":{...},"runs":[...]},
/// "companyData":{"audience":N,"run":{...}}}</c>, runs as <see cref="EnrichmentJson.Run"/>.
/// </summary>
internal static class DemoEnrichmentJson
{
    public static JsonObject From(DemoEnrichment demo) => new()
    {
        ["workEmails"] = new JsonObject
        {
            ["name"] = demo.WorkEmails.Name,
            ["budget"] = DemoEnrichment.FirstBudget,
            ["firstRun"] = EnrichmentJson.Run(demo.FirstRun),
            ["raisedBudget"] = EnrichmentJson.Budget(demo.RaisedBudget),
            ["secondRun"] = EnrichmentJson.Run(demo.SecondRun),
            ["runs"] = new JsonArray([.. demo.Runs.Select(r => (JsonNode)EnrichmentJson.Run(r))]),
        },
        ["companyData"] = new JsonObject
        {
            ["name"] = demo.CompanyData.Name,
            ["audience"] = demo.Companies.Id,
            ["run"] = EnrichmentJson.Run(demo.CompanyRun),
        },
    };
}
