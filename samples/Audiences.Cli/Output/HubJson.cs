using System.Text.Json.Nodes;
using Audiences.Sdk.DataHub;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>The JSON documents of the <c>hub</c> commands and <c>fields edit</c>.</summary>
internal static class HubJson
{
    public static JsonObject Overview(DataHubOverview o) => new()
    {
        ["people"] = o.People,
        ["companies"] = o.Companies,
        ["fields"] = new JsonObject { ["person"] = o.PersonFields, ["company"] = o.CompanyFields },
        ["enrichments"] = o.Enrichments,
        ["signals"] = o.Signals,
    };

    public static JsonObject Field(DataHubField f) => new()
    {
        ["key"] = f.Key,
        ["displayName"] = f.Definition.DisplayName,
        ["description"] = f.Definition.Description,
        ["type"] = Names.Type(f.Definition.Type),
        ["source"] = f.Source,
        ["cost"] = f.Definition.CostPerRecord,
        ["export"] = Export(f.Definition.ExportStatus),
        ["filled"] = f.FilledCount,
        ["records"] = f.RecordCount,
        ["fillRate"] = Math.Round(f.FillRate, 4),
        ["enrichments"] = new JsonArray([.. f.Enrichments.Select(n => (JsonNode)n)]),
        ["signals"] = new JsonArray([.. f.Signals.Select(n => (JsonNode)n)]),
    };

    public static JsonObject Definition(FieldDefinition f) => new()
    {
        ["key"] = f.Key,
        ["kind"] = Names.Kind(f.Kind),
        ["displayName"] = f.DisplayName,
        ["description"] = f.Description,
        ["type"] = Names.Type(f.Type),
        ["source"] = f.Origin,
        ["cost"] = f.CostPerRecord,
        ["export"] = Export(f.ExportStatus),
    };

    public static JsonObject Enrichment(DataHubEnrichment e) => new()
    {
        ["name"] = e.Name,
        ["kind"] = Names.Kind(e.Definition.Kind),
        ["budget"] = new JsonObject { ["cap"] = e.Budget.Cap, ["spent"] = e.Budget.Spent, ["held"] = e.Budget.Reserved },
        ["lastRun"] = e.LastRun is { } run ? Run(run.Id, run.Status.ToString(), run.StartedAt, run.FinishedAt) : null,
        ["audiences"] = Audiences(e.Audiences),
        ["fields"] = new JsonArray([.. e.Fields.Select(n => (JsonNode)n)]),
    };

    public static JsonObject Signal(DataHubSignal s) => new()
    {
        ["name"] = s.Name,
        ["kind"] = Names.Kind(s.Definition.Kind),
        ["budget"] = new JsonObject { ["cap"] = s.Budget.Cap, ["spent"] = s.Budget.Spent, ["held"] = s.Budget.Reserved },
        ["lastRun"] = s.LastRun is { } run ? Run(run.Id, run.Status.ToString(), run.StartedAt, run.FinishedAt) : null,
        ["audiences"] = Audiences(s.Audiences),
        ["fields"] = new JsonArray([.. s.Fields.Select(n => (JsonNode)n)]),
    };

    public static string Export(FieldExportStatus status) => status == FieldExportStatus.Exported ? "on" : "off";

    private static JsonObject Run(long id, string status, DateTimeOffset started, DateTimeOffset? finished) => new()
    {
        ["id"] = id,
        ["status"] = HubText.Status(status),
        ["startedAt"] = started,
        ["finishedAt"] = finished,
    };

    private static JsonArray Audiences(IReadOnlyList<DataHubAudience> audiences) =>
        new([.. audiences.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["name"] = a.Name })]);
}
