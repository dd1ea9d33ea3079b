using System.Text.Json.Nodes;
using Audiences.Cli.Output;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Drafts;

/// <summary>The JSON shapes of drafts.</summary>
internal static class DraftJson
{
    /// <summary><c>{"id":N,"kind":"person","provider":"sample","query":"...","status":"open|committed|discarded","createdAt":"...","decidedAt":...,"records":N}</c>.</summary>
    public static JsonObject Draft(Draft draft) => new()
    {
        ["id"] = draft.Id,
        ["kind"] = Names.Kind(draft.Kind),
        ["provider"] = draft.Provider,
        ["query"] = draft.Query,
        ["status"] = Status(draft.Status),
        ["createdAt"] = Formats.IsoTime(draft.CreatedAt),
        ["decidedAt"] = draft.DecidedAt is { } decided ? Formats.IsoTime(decided) : null,
        ["records"] = draft.RecordCount,
    };

    /// <summary>A draft with its records: <c>{...draft,"items":[{"key":{...},"fields":{...}}]}</c>.</summary>
    public static JsonObject WithRecords(Draft draft, IReadOnlyList<SourceRecord> records)
    {
        var json = Draft(draft);
        json["items"] = new JsonArray(records.Select(r => (JsonNode)Record(r)).ToArray());
        return json;
    }

    public static JsonObject Record(SourceRecord record)
    {
        var fields = new JsonObject();
        foreach (var (key, value) in record.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            fields[key] = CliJson.Value(value);
        }

        return new JsonObject { ["key"] = CliJson.RecordKey(record.Key), ["fields"] = fields };
    }

    public static string Status(DraftStatus status) => status.ToString().ToLowerInvariant();
}
