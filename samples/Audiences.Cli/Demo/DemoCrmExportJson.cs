using System.Text.Json.Nodes;
using Audiences.Cli.Exports;
using Audiences.Cli.Output;

namespace Audiences.Cli.Demo;

/// <summary>
/// The write-back in the demo's JSON: <c>{"audience":{...audience,"members":[{...profile,"related":[{"type","id",...values}]}]},
/// "salesforce":{"definition":{...export list item},"plan":{...export plan},"run":{...export run},"calls":N,"records":[{"object","id","fields":{...}}]},
/// "hubspot":{...}}</c>.
/// </summary>
internal static class DemoCrmExportJson
{
    public static JsonObject From(DemoCrmExport demo)
    {
        var audience = AudienceJson.Audience(demo.Pipeline, demo.PipelineCount);
        audience["members"] = new JsonArray([.. demo.PipelineMembers.Select(m =>
        {
            var json = CliJson.Profile(m.Company);
            json["related"] = new JsonArray([.. m.Related.Select(r =>
            {
                var record = new JsonObject { ["type"] = r.Type, ["id"] = r.Key.ExternalId };
                foreach (var (key, value) in r.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    record[key] = CliJson.Value(value);
                }

                return (JsonNode)record;
            })]);
            return (JsonNode)json;
        })]);
        return new JsonObject
        {
            ["audience"] = audience,
            ["salesforce"] = Write(demo.Salesforce, demo.AudienceNames),
            ["hubspot"] = Write(demo.HubSpot, demo.AudienceNames),
        };
    }

    private static JsonObject Write(DemoCrmWrite write, IReadOnlyDictionary<long, string?> names) => new()
    {
        ["definition"] = ExportJson.Definition(write.Definition, names, write.Run),
        ["plan"] = ExportJson.Plan(write.Definition.Name, write.Plan, write.Plan.Count),
        ["run"] = ExportJson.Run(write.Run, write.Definition.Destination),
        ["calls"] = write.Calls,
        ["records"] = new JsonArray([.. write.Records.Select(r => (JsonNode)new JsonObject
        {
            ["object"] = r.Object,
            ["id"] = r.Id,
            ["fields"] = new JsonObject([.. r.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
        })]),
    };
}
