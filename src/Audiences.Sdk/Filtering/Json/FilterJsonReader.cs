using System.Text.Json;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>Reads the nodes of the JSON form; every error names the JSON path of the bad node.</summary>
internal static class FilterJsonReader
{
    private static readonly (FilterOperator Op, string Name)[] Operators =
    [
        (FilterOperator.Equal, "="), (FilterOperator.NotEqual, "!="), (FilterOperator.LessThan, "<"),
        (FilterOperator.LessThanOrEqual, "<="), (FilterOperator.GreaterThan, ">"), (FilterOperator.GreaterThanOrEqual, ">="),
        (FilterOperator.Contains, "contains"), (FilterOperator.NotContains, "not_contains"),
        (FilterOperator.StartsWith, "starts_with"), (FilterOperator.EndsWith, "ends_with"),
        (FilterOperator.In, "in"), (FilterOperator.NotIn, "not_in"), (FilterOperator.Before, "before"),
        (FilterOperator.After, "after"), (FilterOperator.Between, "between"), (FilterOperator.IsEmpty, "is_empty"),
        (FilterOperator.IsNotEmpty, "is_not_empty"), (FilterOperator.WithinLast, "within_last"),
        (FilterOperator.NotWithinLast, "not_within_last"),
    ];

    public static string OperatorName(FilterOperator op) => Operators.First(o => o.Op == op).Name;

    public static Filter ReadNode(JsonElement node, string path)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"expected a filter object, found {node.ValueKind}");
        }

        if (node.TryGetProperty("field", out _))
        {
            return ReadCondition(node, path);
        }

        if (node.TryGetProperty("and", out var and))
        {
            return ReadGroup(node, LogicalOperator.And, and, path + ".and");
        }

        if (node.TryGetProperty("or", out var or))
        {
            return ReadGroup(node, LogicalOperator.Or, or, path + ".or");
        }

        if (node.TryGetProperty("not", out var not))
        {
            OnlyProperties(node, path, "not");
            return new NotFilter(ReadNode(not, path + ".not"));
        }

        if (node.TryGetProperty("related", out _))
        {
            return ReadRelated(node, path);
        }

        throw Error(path, "expected a condition (\"field\"), a group (\"and\"/\"or\"), \"not\" or \"related\"");
    }

    private static Filter ReadGroup(JsonElement node, LogicalOperator op, JsonElement items, string path)
    {
        OnlyProperties(node, path[..path.LastIndexOf('.')], op == LogicalOperator.And ? "and" : "or");
        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            throw Error(path, "expected a non-empty array of filters");
        }

        var filters = items.EnumerateArray().Select((item, i) => ReadNode(item, $"{path}[{i}]")).ToArray();

        // A group of one (a user interface's half-built group) reads as its only filter.
        return filters.Length == 1 ? filters[0] : new FilterGroup(op, filters);
    }

    private static RelatedFilter ReadRelated(JsonElement node, string path)
    {
        OnlyProperties(node, path, "related", "quantifier", "filter");
        var collection = String(node, "related", path);
        var quantifierName = String(node, "quantifier", path);
        Quantifier? quantifier = quantifierName switch
        {
            "any" => Quantifier.Any,
            "all" => Quantifier.All,
            "none" => Quantifier.None,
            _ => null,
        };
        if (quantifier is null)
        {
            throw Error(path + ".quantifier", $"expected \"any\", \"all\" or \"none\", found \"{quantifierName}\"");
        }

        if (!node.TryGetProperty("filter", out var inner))
        {
            throw Error(path, "a related filter needs a \"filter\"");
        }

        if (!FieldPath.IsName(collection))
        {
            throw Error(path + ".related", $"'{collection}' is not a valid collection name");
        }

        return new RelatedFilter(collection, quantifier.Value, ReadNode(inner, path + ".filter"));
    }

    private static Condition ReadCondition(JsonElement node, string path)
    {
        var fieldText = String(node, "field", path);
        FieldPath field;
        try
        {
            field = new FieldPath(fieldText);
        }
        catch (ArgumentException e)
        {
            throw Error(path + ".field", e.Message);
        }

        var opName = String(node, "op", path);
        var op = Operators.FirstOrDefault(o => o.Name == opName).Op;
        if (op == 0)
        {
            throw Error(path + ".op", $"unknown operator \"{opName}\"; expected one of {string.Join(", ", Operators.Select(o => o.Name))}");
        }

        // Each operator's operand has one property name; any other property is a mistake worth reporting.
        var shape = op.GetOperandShape();
        OnlyProperties(node, path, shape switch
        {
            OperandShape.None => ["field", "op"],
            OperandShape.One => ["field", "op", "value"],
            OperandShape.Duration => ["field", "op", "duration"],
            _ => ["field", "op", "values"],
        });
        var values = new List<FieldValue>();
        RelativeDuration? duration = null;
        switch (shape)
        {
            case OperandShape.One:
                values.Add(node.TryGetProperty("value", out var value) ? ReadValue(value, path + ".value") : throw Error(path, $"\"{opName}\" needs a \"value\""));
                break;
            case OperandShape.Range or OperandShape.List:
                if (!node.TryGetProperty("values", out var array) || array.ValueKind != JsonValueKind.Array)
                {
                    throw Error(path, $"\"{opName}\" needs a \"values\" array");
                }

                values.AddRange(array.EnumerateArray().Select((v, i) => ReadValue(v, $"{path}.values[{i}]")));
                break;
            case OperandShape.Duration:
                var text = String(node, "duration", path);
                duration = RelativeDuration.TryParse(text, out var parsed) ? parsed : throw Error(path + ".duration", $"expected a duration such as \"90d\", found \"{text}\"");
                break;
        }

        try
        {
            return Condition.Create(field, op, values, duration);
        }
        catch (ArgumentException e)
        {
            throw Error(path, e.Message);
        }
    }

    private static FieldValue ReadValue(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                return FieldValue.FromText(value.GetString());
            case JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number):
                return FieldValue.FromNumber(number);
            case JsonValueKind.True or JsonValueKind.False:
                return FieldValue.FromBoolean(value.GetBoolean());
            case JsonValueKind.Object when value.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String:
                return FieldValue.TryParse(date.GetString(), FieldType.DateTime, out var instant, out var error) && !instant.IsEmpty
                    ? instant
                    : throw Error(path + ".date", error ?? "expected an ISO 8601 date");
            default:
                throw Error(path, $"expected non-blank text, a finite number, true, false or {{\"date\":\"2026-01-31\"}}, found {value.GetRawText()}");
        }
    }

    private static string String(JsonElement node, string name, string path) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Error(path + "." + name, "expected a string");

    private static void OnlyProperties(JsonElement node, string path, params string[] allowed)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw Error(path, $"unexpected property \"{property.Name}\" (expected {string.Join(", ", allowed.Select(a => $"\"{a}\""))})");
            }
        }
    }

    private static JsonException Error(string path, string message) => new($"Invalid filter JSON at {path}: {message}.");
}
