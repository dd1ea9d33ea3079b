using System.Text.Json;
using System.Text.Json.Serialization;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>Converts a <see cref="Filter"/> to and from its versioned JSON form (<see cref="FilterJson"/>).</summary>
public sealed class FilterJsonConverter : JsonConverter<Filter>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">The JSON is not a valid filter of a supported version.</exception>
    public override Filter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A filter document must be an object {{\"version\":{FilterJson.CurrentVersion},\"filter\":{{...}}}}, not {root.ValueKind}.");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
        {
            throw new JsonException($"A filter document needs a numeric \"version\" (this library reads version {FilterJson.CurrentVersion}).");
        }

        if (!version.TryGetInt32(out var number) || number != FilterJson.CurrentVersion)
        {
            throw new JsonException($"Unsupported filter JSON version {version.GetRawText()}; this library reads version {FilterJson.CurrentVersion}.");
        }

        if (!root.TryGetProperty("filter", out var filter))
        {
            throw new JsonException("A filter document needs a \"filter\" property.");
        }

        return FilterJsonReader.ReadNode(filter, "$.filter");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Filter value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("version", FilterJson.CurrentVersion);
        writer.WritePropertyName("filter");
        WriteNode(writer, value);
        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, Filter filter)
    {
        writer.WriteStartObject();
        switch (filter)
        {
            case Condition condition:
                WriteCondition(writer, condition);
                break;
            case FilterGroup group:
                writer.WriteStartArray(group.Operator == LogicalOperator.And ? "and" : "or");
                foreach (var child in group.Filters)
                {
                    WriteNode(writer, child);
                }

                writer.WriteEndArray();
                break;
            case NotFilter not:
                writer.WritePropertyName("not");
                WriteNode(writer, not.Operand);
                break;
            case RelatedFilter related:
                writer.WriteString("related", related.Collection);
                writer.WriteString("quantifier", related.Quantifier.ToString().ToLowerInvariant());
                writer.WritePropertyName("filter");
                WriteNode(writer, related.Filter);
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter writer, Condition condition)
    {
        writer.WriteString("field", condition.Field.Path);
        writer.WriteString("op", FilterJsonReader.OperatorName(condition.Operator));
        switch (condition.Operator.GetOperandShape())
        {
            case OperandShape.One:
                writer.WritePropertyName("value");
                WriteValue(writer, condition.Values[0]);
                break;
            case OperandShape.Range or OperandShape.List:
                writer.WriteStartArray("values");
                foreach (var value in condition.Values)
                {
                    WriteValue(writer, value);
                }

                writer.WriteEndArray();
                break;
            case OperandShape.Duration:
                writer.WriteString("duration", condition.Duration!.Value.ToString());
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, FieldValue value)
    {
        switch (value.Type)
        {
            case FieldType.Text:
                writer.WriteStringValue(value.AsText());
                break;
            case FieldType.Number:
                writer.WriteNumberValue(value.AsNumber());
                break;
            case FieldType.Boolean:
                writer.WriteBooleanValue(value.AsBoolean());
                break;
            default:
                // JSON has no date type; a date-time is an object so it never reads back as text.
                writer.WriteStartObject();
                writer.WriteString("date", value.ToString());
                writer.WriteEndObject();
                break;
        }
    }
}
