using System.Text.Json.Nodes;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Exports;

/// <summary>The JSON shapes of ad audiences: exports to an ad platform, their syncs and status.</summary>
internal static class AdJson
{
    /// <summary>An ad audience: the export (<see cref="ExportJson.Definition"/>) with <c>"platform"</c> first.</summary>
    public static JsonObject Definition(ExportDefinition definition, IReadOnlyDictionary<long, string?> names, ExportRun? lastRun)
    {
        var json = new JsonObject { ["platform"] = definition.Destination.Type };
        foreach (var (key, value) in ExportJson.Definition(definition, names, lastRun).ToList())
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }

    /// <summary>
    /// A sync: <c>{"name","platform","run","status","added","removed","failed","skipped","failure"}</c>; added counts the members
    /// sent (an add of one already there changes nothing).
    /// </summary>
    public static JsonObject Sync(ExportDefinition definition, ExportRun run) => new()
    {
        ["name"] = definition.Name,
        ["platform"] = definition.Destination.Type,
        ["run"] = run.Id,
        ["status"] = ExportJson.Status(run.Status),
        ["added"] = Added(run),
        ["removed"] = run.Removed,
        ["failed"] = run.Failed,
        ["skipped"] = run.Skipped,
        ["failure"] = run.Failure is { } failure ? DestinationText.Redact(failure, definition.Destination) : null,
    };

    /// <summary>
    /// The status: <c>{"name","platform","audience":{"id","name"},"settings":{...},"every","last_run":{...run}|null,
    /// "failures":[{...export failures item}]}</c>.
    /// </summary>
    public static JsonObject Status(ExportDefinition definition, IReadOnlyDictionary<long, string?> names, ExportRun? lastRun, IReadOnlyList<ExportFailure> failures)
    {
        var export = ExportJson.Definition(definition, names, lastRun);
        return new JsonObject
        {
            ["name"] = definition.Name,
            ["platform"] = definition.Destination.Type,
            ["audience"] = export["audience"]?.DeepClone(),
            ["settings"] = ExportJson.Settings(definition),
            ["every"] = export["every"]?.DeepClone(),
            ["last_run"] = export["last_run"]?.DeepClone(),
            ["failures"] = new JsonArray([.. failures.Select(f => (JsonNode)ExportJson.Failure(f, definition.Destination))]),
        };
    }

    /// <summary>Members added: created, and updated (the platforms take an update as an add).</summary>
    public static long Added(ExportRun run) => run.Created + run.Updated;
}
