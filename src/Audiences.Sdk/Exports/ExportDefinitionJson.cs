using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports;

/// <summary>
/// The JSON form of an export definition, stable and versioned, as stores keep it and hosts exchange it:
/// <c>{"version":1,"name":"...","kind":"person","destination":{"type":"...","settings":{...}},"audience":4,"mappings":[...],...}</c>.
/// </summary>
/// <remarks>
/// Membership values are written as JSON values of their type: text as a string, a number, <c>true</c>/<c>false</c>,
/// a list as an array of strings, a date-time as <c>{"date":"2026-01-31T00:00:00.0000000+00:00"}</c> (so it never reads
/// back as text) and the empty value as <c>null</c>. Rules are written <c>never</c>, <c>if-empty</c> or <c>always</c>.
/// </remarks>
public static class ExportDefinitionJson
{
    /// <summary>The version this code writes.</summary>
    public const int CurrentVersion = 1;

    private const string DateProperty = "date";

    /// <summary>Writes a definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>Its JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string Serialize(ExportDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = new JsonObject
        {
            ["version"] = CurrentVersion,
            ["name"] = definition.Name,
            ["kind"] = EntityKindText.Word(definition.Kind),
            ["destination"] = new JsonObject
            {
                ["type"] = definition.Destination?.Type,
                // Sorted, so one definition always writes the same text whatever order its settings were given in.
                ["settings"] = new JsonObject((definition.Destination?.Values ?? new Dictionary<string, string>())
                    .OrderBy(v => v.Key, StringComparer.Ordinal)
                    .Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))),
            },
            ["audience"] = definition.Audience,
            ["mappings"] = new JsonArray([.. (definition.Mappings ?? []).Select(m => (JsonNode?)new JsonObject
            {
                ["field"] = m.Field,
                ["to"] = m.DestinationField,
                ["rule"] = RuleWord(m.Rule),
            })]),
            ["membership"] = new JsonArray([.. (definition.Membership ?? []).Select(m => (JsonNode?)new JsonObject
            {
                ["audience"] = m.Audience,
                ["to"] = m.DestinationField,
                ["in"] = Value(m.ValueIn),
                ["out"] = Value(m.ValueOut),
            })]),
            ["keyField"] = definition.KeyField,
            ["keySource"] = definition.KeySource,
            ["createNew"] = definition.CreateNew,
            ["removeOnExit"] = definition.RemoveOnExit,
            ["every"] = definition.Every is { } every ? System.Xml.XmlConvert.ToString(every) : null,
            ["maxAttempts"] = definition.MaxAttempts,
        };
        return json.ToJsonString();
    }

    /// <summary>
    /// Writes a definition for a store to keep, checking that it reads back, so a store never keeps a definition it
    /// could not return.
    /// </summary>
    /// <param name="definition">The definition.</param>
    /// <returns>Its JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentException">The definition's JSON does not read back; the message says why.</exception>
    public static string SerializeForStorage(ExportDefinition definition)
    {
        var json = Serialize(definition);
        try
        {
            Deserialize(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The export definition '{definition.Name}' cannot be stored: {ex.Message}", nameof(definition), ex);
        }

        return json;
    }

    /// <summary>Reads a definition written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a definition of a version this code reads; the message says what is wrong.</exception>
    public static ExportDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("An export definition is a JSON object.");
        var version = (int?)root["version"] ?? throw new JsonException("An export definition has a \"version\".");
        if (version > CurrentVersion)
        {
            throw new JsonException($"The export definition is of version {version}, newer than this SDK reads ({CurrentVersion}); update the SDK.");
        }

        var definition = new ExportDefinition(Required(root, "name"), Kind((string?)root["kind"] ?? "person"), Destination(root["destination"]))
        {
            Audience = (long?)root["audience"],
            Mappings = root["mappings"] is JsonArray mappings ? [.. mappings.Select(Mapping)] : [],
            Membership = root["membership"] is JsonArray membership ? [.. membership.Select(Membership)] : [],
            KeyField = (string?)root["keyField"] is { Length: > 0 } keyField ? keyField : "email",
            KeySource = (string?)root["keySource"],
            CreateNew = (bool?)root["createNew"] ?? false,
            RemoveOnExit = (bool?)root["removeOnExit"] ?? false,
            MaxAttempts = (int?)root["maxAttempts"] ?? 5,
        };

        // An absent "every" is the default interval; an explicit null runs the export only by hand.
        return root.TryGetPropertyValue("every", out var every)
            ? definition with { Every = (string?)every is { } text ? Duration(text) : null }
            : definition;
    }

    private static DestinationSettings Destination(JsonNode? node)
    {
        var destination = node as JsonObject ?? throw new JsonException("An export definition names its \"destination\": {\"type\":...,\"settings\":{...}}.");
        var type = (string?)destination["type"] is { Length: > 0 } t ? t : throw new JsonException("An export's destination names its \"type\".");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (destination["settings"] is JsonObject settings)
        {
            foreach (var (name, value) in settings)
            {
                values[name] = value is JsonValue text && text.TryGetValue<string>(out var s)
                    ? s
                    : throw new JsonException($"The destination setting '{name}' is text.");
            }
        }

        return new DestinationSettings(type, values);
    }

    private static ExportMapping Mapping(JsonNode? node)
    {
        var mapping = node as JsonObject ?? throw new JsonException("Each mapping is an object {\"field\":...,\"to\":...,\"rule\":...}.");
        return new ExportMapping(Required(mapping, "field", "A mapping"), Required(mapping, "to", "A mapping"))
        {
            Rule = (string?)mapping["rule"] is { } rule ? Rule(rule) : WriteRule.Never,
        };
    }

    private static MembershipMapping Membership(JsonNode? node)
    {
        var membership = node as JsonObject ?? throw new JsonException("Each membership mapping is an object {\"audience\":...,\"to\":...,\"in\":...,\"out\":...}.");
        return new MembershipMapping(
            (long?)membership["audience"] ?? throw new JsonException("A membership mapping names its \"audience\" by id."),
            Required(membership, "to", "A membership mapping"),
            Value(membership["in"]))
        {
            ValueOut = Value(membership["out"]),
        };
    }

    private static JsonNode? Value(FieldValue value) => value.Type switch
    {
        FieldType.Text => value.AsText(),
        FieldType.Number => value.AsNumber(),
        FieldType.Boolean => value.AsBoolean(),
        FieldType.DateTime => new JsonObject { [DateProperty] = value.AsDateTime().ToString("O", CultureInfo.InvariantCulture) },
        FieldType.TextList => new JsonArray([.. value.AsList().Select(item => (JsonNode?)item)]),
        _ => null,
    };

    private static FieldValue Value(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return FieldValue.Empty;
            case JsonArray items:
                return FieldValue.FromList(items.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new JsonException("A list value holds text items.")));
            case JsonObject date when (string?)date[DateProperty] is { } text:
                return DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                    ? FieldValue.FromDateTime(instant)
                    : throw new JsonException($"The date-time value '{text}' is not in the round-trip (ISO 8601) form.");
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return FieldValue.FromText(value.GetValue<string>());
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return FieldValue.FromBoolean(value.GetValue<bool>());
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && double.IsFinite(value.GetValue<double>()):
                return FieldValue.FromNumber(value.GetValue<double>());
            default:
                throw new JsonException($"A membership value is text, a finite number, true, false, a list of text, {{\"date\":...}} or null, not {node.ToJsonString()}.");
        }
    }

    private static TimeSpan Duration(string text)
    {
        try
        {
            return System.Xml.XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException ex)
        {
            throw new JsonException($"The interval '{text}' is not an ISO 8601 duration (e.g. PT24H).", ex);
        }
    }

    private static string RuleWord(WriteRule rule) => rule switch
    {
        WriteRule.Never => "never",
        WriteRule.IfEmpty => "if-empty",
        WriteRule.Always => "always",
        // Written as its number, which does not read back, so storing it is refused with the reason.
        _ => ((int)rule).ToString(CultureInfo.InvariantCulture),
    };

    private static WriteRule Rule(string word) => word switch
    {
        "never" => WriteRule.Never,
        "if-empty" => WriteRule.IfEmpty,
        "always" => WriteRule.Always,
        _ => throw new JsonException($"Unknown write rule '{word}'; a mapping's rule is never, if-empty or always."),
    };

    private static EntityKind Kind(string word) => word switch
    {
        "person" => EntityKind.Person,
        "company" => EntityKind.Company,
        _ => throw new JsonException($"Unknown kind '{word}'; an export definition names 'person' or 'company'."),
    };

    private static string Required(JsonObject node, string name, string what = "An export definition") =>
        (string?)node[name] is { Length: > 0 } value ? value : throw new JsonException($"{what} needs \"{name}\".");
}
