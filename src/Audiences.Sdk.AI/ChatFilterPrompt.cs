using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.AI;

/// <summary>What the chat model is told: the system prompt with the catalog, and the JSON schema of its answer.</summary>
internal static class ChatFilterPrompt
{
    private static readonly FieldType[] Types = [FieldType.Text, FieldType.TextList, FieldType.Number, FieldType.Boolean, FieldType.DateTime];

    /// <summary>The JSON operator names, in the order of <see cref="FilterOperator"/>.</summary>
    public static IReadOnlyList<string> OperatorNames { get; } =
        [.. Enum.GetValues<FilterOperator>().Where(o => o != 0).Select(o => o.ToJsonName())];

    public static string SystemPrompt(EntityKind kind, IReadOnlyList<PromptField> fields, DateTimeOffset now)
    {
        var who = kind == EntityKind.Person ? "people" : "companies";
        var prompt = new StringBuilder();
        prompt.AppendLine(CultureInfo.InvariantCulture, $"You turn one plain-language condition about {who} into one filter condition on the fields listed below.");
        prompt.AppendLine("The user's message is the condition. Answer with one JSON object and nothing else, in one of these shapes:");
        prompt.AppendLine("""  {"field": FIELD, "op": OP, "value": VALUE}           for =, !=, <, <=, >, >=, contains, not_contains, starts_with, ends_with, before, after""");
        prompt.AppendLine("""  {"field": FIELD, "op": "in" | "not_in", "values": [VALUE, ...]}""");
        prompt.AppendLine("""  {"field": FIELD, "op": "between", "values": [LOW, HIGH]}   (inclusive)""");
        prompt.AppendLine("""  {"field": FIELD, "op": "within_last" | "not_within_last", "duration": "90d"}   (d days, w weeks, m months, y years)""");
        prompt.AppendLine("""  {"field": FIELD, "op": "is_empty" | "is_not_empty"}""");
        prompt.AppendLine("""VALUE: text as a JSON string, a number as a JSON number (500, not "500 employees"), true or false, a date as "2026-01-31".""");
        prompt.AppendLine(CultureInfo.InvariantCulture, $"Today is {now.UtcDateTime:yyyy-MM-dd} (UTC).");
        prompt.AppendLine();
        prompt.AppendLine("Fields (path | type | display name | other names):");
        foreach (var field in fields)
        {
            var synonyms = field.Synonyms.Count == 0 ? "-" : string.Join(", ", field.Synonyms);
            prompt.AppendLine(CultureInfo.InvariantCulture, $"- {field.Path} | {TypeName(field.Definition.Type)} | {field.Definition.DisplayName} | {synonyms}");
        }

        prompt.AppendLine();
        prompt.AppendLine("Operators by field type:");
        foreach (var type in Types)
        {
            prompt.AppendLine(CultureInfo.InvariantCulture, $"- {TypeName(type)}: {string.Join(", ", OperatorRules.For(type).Select(o => o.ToJsonName()))}");
        }

        prompt.AppendLine();
        prompt.AppendLine("Use only the field paths and operators above, spelt exactly as listed. One condition only: never answer with \"and\", \"or\", \"not\" or a list.");
        prompt.Append("""If the condition names no listed field, or needs more than one condition, answer {"error": "a short reason"}.""");
        return prompt.ToString();
    }

    /// <summary>The schema of the answer: one condition (or an error), field paths and operators as enumerations.</summary>
    public static JsonElement Schema(IReadOnlyList<PromptField> fields)
    {
        var scalar = new JsonArray("string", "number", "boolean");
        var field = new JsonObject { ["type"] = "string", ["description"] = "A field path from the list." };
        if (fields.Count > 0)
        {
            field["enum"] = new JsonArray([.. fields.Select(f => (JsonNode)f.Path)]);
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["field"] = field,
                ["op"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. OperatorNames.Select(o => (JsonNode)o)]) },
                ["value"] = new JsonObject { ["type"] = scalar.DeepClone() },
                ["values"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = scalar.DeepClone() } },
                ["duration"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]+[dwmy]$" },
                ["error"] = new JsonObject { ["type"] = "string", ["description"] = "Why the condition cannot be one condition on the listed fields." },
            },
            ["additionalProperties"] = false,
        };
        using var document = JsonDocument.Parse(schema.ToJsonString());
        return document.RootElement.Clone();
    }

    public static string TypeName(FieldType type) => type switch
    {
        FieldType.TextList => "list of text",
        FieldType.Number => "number",
        FieldType.Boolean => "boolean",
        FieldType.DateTime => "date-time",
        _ => "text",
    };
}
