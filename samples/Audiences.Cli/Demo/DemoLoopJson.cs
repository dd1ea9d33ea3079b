using System.Text.Json.Nodes;
using Audiences.Cli.Drafts;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;

namespace Audiences.Cli.Demo;

/// <summary>The JSON of the demo's search, sync and push, in the shapes the draft, sync and profiles commands print.</summary>
internal static class DemoLoopJson
{
    /// <summary><c>{...draft,"items":[...],"commit":{...import summary}}</c>.</summary>
    public static JsonObject Draft(DemoDraft demo)
    {
        var json = DraftJson.WithRecords(demo.Draft, demo.Records);
        json["commit"] = CliJson.ImportResult(demo.Result);
        return json;
    }

    /// <summary><c>{"warehouse":"...","sync":{...as sync list},"first":{...run},"changed":[ids],"second":{...run},"history":[...runs]}</c>.</summary>
    public static JsonObject Sync(DemoSync demo)
    {
        var connection = demo.Definition.Source["connection"];
        return new JsonObject
        {
            ["warehouse"] = demo.WarehousePath,
            ["sync"] = SyncJson.Definition(demo.Definition, demo.History.Count > 0 ? demo.History[0] : null, nextDue: null),
            ["first"] = SyncJson.Run(demo.First, connection),
            ["changed"] = new JsonArray(DemoWarehouse.Upgraded.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
            ["second"] = SyncJson.Run(demo.Second, connection),
            ["history"] = new JsonArray(demo.History.Select(r => (JsonNode)SyncJson.Run(r, connection)).ToArray()),
        };
    }

    /// <summary><c>{"key":{...},"import":{...summary},"lookup":"email","profile":{...as profiles list}|null}</c>.</summary>
    public static JsonObject Upsert(DemoUpsert demo) => new()
    {
        ["key"] = CliJson.RecordKey(demo.Key),
        ["import"] = CliJson.ImportResult(demo.Result),
        ["lookup"] = demo.Lookup,
        ["profile"] = demo.Found is { } found ? CliJson.Profile(found) : null,
    };
}
