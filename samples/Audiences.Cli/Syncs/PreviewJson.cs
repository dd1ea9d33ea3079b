using System.Text.Json.Nodes;
using Audiences.Cli.Output;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Syncs;

/// <summary>The JSON shape of <c>import preview</c>.</summary>
internal static class PreviewJson
{
    /// <summary>
    /// <c>{"mapping":[{"sourceField":"Email","field":"email","type":"text","reason":"name","alias":true}],
    /// "records":[{"key":{"source":"...","object":"...","id":"..."},"fields":{...}}],"warnings":["..."],"csvMap":["Job Title=title"]|null}</c>;
    /// <c>csvMap</c> only for files.
    /// </summary>
    public static JsonObject From(SyncPreview preview, IReadOnlyList<string>? csvMap) => new()
    {
        ["mapping"] = new JsonArray(preview.Mapping.Select(m => (JsonNode)Mapping(m)).ToArray()),
        ["records"] = new JsonArray(preview.Records.Select(r =>
        {
            var fields = new JsonObject();
            foreach (var (key, value) in r.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                fields[key] = CliJson.Value(value);
            }

            return (JsonNode)new JsonObject { ["key"] = CliJson.RecordKey(r.Key), ["fields"] = fields };
        }).ToArray()),
        ["warnings"] = new JsonArray(preview.Warnings.Select(w => (JsonNode)JsonValue.Create(w)).ToArray()),
        ["csvMap"] = csvMap is null ? null : new JsonArray(csvMap.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
    };

    public static JsonObject Mapping(MappingProposal proposal) => new()
    {
        ["sourceField"] = proposal.SourceField,
        ["field"] = proposal.Field,
        ["type"] = Names.Type(proposal.Type),
        ["reason"] = proposal.Reason,
        ["alias"] = proposal.IsAlias,
    };
}
