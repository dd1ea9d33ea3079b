using System.Text.Json.Nodes;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Signals;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Demo;

/// <summary>
/// The signal part of the demo's JSON: <c>{"definition":{...signal list item},"preview":{...signal preview},"run":{...signal run},
/// "budget":{...},"companion":{"audience":N,"id":N,"name":"...","members":N},"fired":[{"id","name","at","details","summary"}]}</c>.
/// </summary>
internal static class DemoSignalJson
{
    public static JsonObject From(DemoSignal demo)
    {
        var definition = demo.Definition;
        return new JsonObject
        {
            ["definition"] = SignalJson.Definition(definition, demo.AudienceNames, demo.Budget, demo.Run),
            ["preview"] = SignalJson.Preview(definition.Name, demo.Preview),
            ["run"] = SignalJson.Run(demo.Run),
            ["budget"] = EnrichmentJson.Budget(demo.Budget),
            ["companion"] = definition.Companions.Count == 0 ? null : SignalJson.Companion(definition.Companions[0], demo.Companion, demo.CompanionCount),
            ["fired"] = new JsonArray([.. demo.Fired.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id.ToString(),
                ["name"] = Output.ProfileText.DisplayName(p),
                ["at"] = Output.CliJson.Value(p[definition.Field]),
                ["details"] = Output.CliJson.Value(p[definition.DetailsField]),
                ["summary"] = Output.CliJson.Value(p[SignalFields.Summary]),
            })]),
        };
    }
}
