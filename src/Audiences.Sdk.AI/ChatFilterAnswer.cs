using System.Text.Json;
using System.Text.Json.Nodes;
using Audiences.Sdk.Filtering;

namespace Audiences.Sdk.AI;

/// <summary>Reads the chat model's answer into one unbound condition; every problem becomes a sentence for the error message.</summary>
internal static class ChatFilterAnswer
{
    private static readonly string[] GroupProperties = ["and", "or", "not", "related"];

    /// <summary>Reads the answer.</summary>
    /// <param name="answer">The model's text.</param>
    /// <param name="problem">Why the answer is not one condition, when it is not.</param>
    /// <param name="cause">The exception behind the problem, if any.</param>
    /// <returns>The condition as the model wrote it, or null with <paramref name="problem"/> set.</returns>
    public static Condition? Read(string? answer, out string? problem, out Exception? cause)
    {
        cause = null;
        var json = WithoutCodeFence(answer ?? string.Empty);
        if (json.Length == 0)
        {
            problem = "the chat model's answer is empty; expected one JSON condition.";
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            cause = e;
            problem = $"the chat model's answer is not JSON ({Excerpt(json)}); expected one condition such as {{\"field\":\"title\",\"op\":\"contains\",\"value\":\"VP\"}}.";
            return null;
        }

        problem = Shape(node);
        if (problem is not null)
        {
            return null;
        }

        var condition = (JsonObject)node!;
        foreach (var property in condition.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            // Strict-schema providers fill every property, with null for those not used.
            condition.Remove(property);
        }

        if (condition["op"] is JsonValue op && op.TryGetValue<string>(out var name) && name.Contains(' ', StringComparison.Ordinal))
        {
            // "not contains" as the text syntax writes it is the JSON form's "not_contains".
            condition["op"] = name.Trim().Replace(' ', '_');
        }

        try
        {
            var document = new JsonObject { ["version"] = FilterJson.CurrentVersion, ["filter"] = condition.DeepClone() };
            return (Condition)FilterJson.Deserialize(document.ToJsonString());
        }
        catch (JsonException e)
        {
            cause = e;
            problem = $"the chat model's answer {Excerpt(condition.ToJsonString())} is not a valid condition: {e.Message.Replace("at $.filter", "at $", StringComparison.Ordinal).TrimEnd('.')}.";
            return null;
        }
    }

    /// <summary>Why the JSON is not a single condition object, or null when it is one.</summary>
    private static string? Shape(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            return $"the chat model answered with a list of {array.Count}; expected one condition object. One condition only; combine conditions in a filter group.";
        }

        if (node is not JsonObject answer)
        {
            return $"the chat model's answer is {(node is null ? "null" : node.ToJsonString())}, not a JSON object; expected one condition.";
        }

        if (answer["error"] is JsonValue error && error.TryGetValue<string>(out var reason) && !string.IsNullOrWhiteSpace(reason))
        {
            return $"the chat model found no condition on the known fields: {reason.Trim().TrimEnd('.')}.";
        }

        if (GroupProperties.FirstOrDefault(answer.ContainsKey) is { } group)
        {
            return $"the chat model answered with {(group == "related" ? "a related-records filter" : $"a group (\"{group}\")")}; one condition only: combine conditions in a filter group.";
        }

        return answer.ContainsKey("field")
            ? null
            : $"the chat model's answer {Excerpt(answer.ToJsonString())} has no \"field\"; expected one condition such as {{\"field\":\"title\",\"op\":\"contains\",\"value\":\"VP\"}}.";
    }

    // Models often wrap JSON in a Markdown code fence even when asked not to.
    private static string WithoutCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var body = firstLineEnd < 0 ? string.Empty : trimmed[(firstLineEnd + 1)..];
        return (body.EndsWith("```", StringComparison.Ordinal) ? body[..^3] : body).Trim();
    }

    private static string Excerpt(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 120 ? $"`{oneLine}`" : $"`{oneLine[..117]}...`";
    }
}
