using System.Text.Json.Nodes;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>The demo's report as one JSON document.</summary>
internal static class DemoJson
{
    public static JsonObject From(DemoSummary summary, DemoLoop loop, DemoCrmImport crm, DemoAudience audience, DemoEnrichment enrichment, DemoSignal signal, DemoHub hub, DemoExport export, DemoCrmExport crmExport) => new()
    {
        ["database"] = summary.DatabasePath,
        ["imports"] = new JsonArray(summary.Imports.Select(i => (JsonNode)Import(i)).ToArray()),
        ["totals"] = new JsonObject
        {
            ["read"] = summary.Read,
            ["created"] = summary.Imports.Sum(i => i.Result.Created),
            ["updated"] = summary.Imports.Sum(i => i.Result.Updated),
            ["unchanged"] = summary.Imports.Sum(i => i.Result.Unchanged),
            ["merged"] = summary.Imports.Sum(i => i.Result.Merged),
            ["rejected"] = summary.Rejected,
        },
        ["draft"] = DemoLoopJson.Draft(loop.Draft),
        ["sync"] = DemoLoopJson.Sync(loop.Sync),
        ["upsert"] = DemoLoopJson.Upsert(loop.Upsert),
        ["crm"] = DemoCrmJson.From(crm),
        ["counts"] = new JsonObject { ["person"] = summary.People, ["company"] = summary.Companies },
        ["merges"] = new JsonArray(summary.Merges.Select(m => (JsonNode)WithKind(CliJson.Merge(m), m.Kind)).ToArray()),
        ["example"] = summary.Example is { } example ? Example(example, summary.ExampleCompany) : null,
        ["fields"] = new JsonObject
        {
            ["person"] = new JsonArray(summary.PersonFields.Select(f => (JsonNode)CliJson.Field(f)).ToArray()),
            ["company"] = new JsonArray(summary.CompanyFields.Select(f => (JsonNode)CliJson.Field(f)).ToArray()),
        },
        ["audience"] = Audience(audience),
        ["enrichment"] = DemoEnrichmentJson.From(enrichment),
        ["signal"] = DemoSignalJson.From(signal),
        ["hub"] = new JsonObject
        {
            ["overview"] = HubJson.Overview(hub.Overview),
            ["edited"] = HubJson.Definition(hub.Edited),
            ["personFields"] = new JsonArray([.. hub.PersonFields.Select(f => (JsonNode)HubJson.Field(f))]),
            ["signals"] = new JsonArray([.. hub.Signals.Select(s => (JsonNode)HubJson.Signal(s))]),
        },
        ["export"] = DemoExportJson.From(export),
        ["crmExport"] = DemoCrmExportJson.From(crmExport),
    };

    /// <summary>
    /// The audience (<see cref="AudienceJson.Audience"/>) with its members, the explanation of the first, the
    /// changed row re-imported, the refresh after it and the change feed entries it recorded.
    /// </summary>
    private static JsonObject Audience(DemoAudience demo)
    {
        var json = AudienceJson.Audience(demo.Audience, demo.Count);
        json["members"] = new JsonArray(demo.Members.Select(p => (JsonNode)CliJson.Profile(p)).ToArray());
        json["explanation"] = demo.Explanation is { } explanation ? AudienceJson.Explanation(explanation) : null;
        var update = new JsonObject
        {
            ["file"] = demo.Update.Path,
            ["id"] = demo.Update.ContactId,
            ["column"] = demo.Update.Column,
            ["before"] = demo.Update.Before,
            ["after"] = demo.Update.After,
        };
        foreach (var (key, value) in CliJson.ImportResult(demo.UpdateResult).ToList())
        {
            update[key] = value?.DeepClone();
        }

        json["update"] = update;
        json["membership"] = AudienceJson.Refresh(demo.Refresh);
        json["changes"] = new JsonArray(demo.Changes.Select(c => (JsonNode)AudienceJson.Change(c)).ToArray());
        json["countAfter"] = demo.CountAfter;
        return json;
    }

    private static JsonObject Import(DemoImport import)
    {
        var json = new JsonObject
        {
            ["file"] = import.File.FileName,
            ["kind"] = Names.Kind(import.File.Kind),
            ["source"] = import.File.SourceName,
        };
        foreach (var (key, value) in CliJson.ImportResult(import.Result).ToList())
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }

    private static JsonObject Example(Profile example, Profile? company)
    {
        var json = CliJson.Profile(example);
        var provenance = new JsonObject();
        foreach (var (key, value) in example.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            provenance[key] = CliJson.Provenance(value);
        }

        json["provenance"] = provenance;
        json["company"] = company is null ? null : CliJson.Profile(company);
        return json;
    }

    private static JsonObject WithKind(JsonObject merge, EntityKind kind)
    {
        merge["kind"] = Names.Kind(kind);
        return merge;
    }
}
