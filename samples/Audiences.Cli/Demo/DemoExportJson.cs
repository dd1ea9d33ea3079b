using System.Text.Json.Nodes;
using Audiences.Cli.Exports;

namespace Audiences.Cli.Demo;

/// <summary>
/// The export part of the demo's JSON: <c>{"csv":{"definition":{...export list item},"run":{...export run},"file":"...","lines":["..."]},
/// "sql":{"definition":{...},"database":"...","plan":{...export plan}}}</c>.
/// </summary>
internal static class DemoExportJson
{
    public static JsonObject From(DemoExport demo) => new()
    {
        ["csv"] = new JsonObject
        {
            ["definition"] = ExportJson.Definition(demo.Csv, demo.AudienceNames, demo.CsvRun),
            ["run"] = ExportJson.Run(demo.CsvRun, demo.Csv.Destination),
            ["file"] = demo.Csv.Destination[DestinationNames.Path],
            ["lines"] = new JsonArray([.. demo.CsvLines.Select(l => (JsonNode)l)]),
        },
        ["sql"] = new JsonObject
        {
            ["definition"] = ExportJson.Definition(demo.Sql, demo.AudienceNames, lastRun: null),
            ["database"] = DemoAppDatabase.FileName,
            ["plan"] = ExportJson.Plan(demo.Sql.Name, demo.Plan, demo.Plan.Count),
        },
    };
}
