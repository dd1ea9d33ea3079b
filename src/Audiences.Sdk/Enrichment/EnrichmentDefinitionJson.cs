using System.Text.Json;
using System.Text.Json.Nodes;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>
/// The JSON form of an enrichment definition, stable and versioned, as stores keep it and hosts exchange it:
/// <c>{"version":1,"name":"...","kind":"person","providers":[...],"audiences":[...],"mappings":[{"output":...,"field":...}],...}</c>.
/// </summary>
public static class EnrichmentDefinitionJson
{
    /// <summary>The version this code writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Writes a definition.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string Serialize(EnrichmentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = new JsonObject
        {
            ["version"] = CurrentVersion,
            ["name"] = definition.Name,
            ["kind"] = EntityKindText.Word(definition.Kind),
            ["providers"] = new JsonArray([.. (definition.Providers ?? []).Select(p => (JsonNode?)p)]),
            ["audiences"] = new JsonArray([.. (definition.Audiences ?? []).Select(a => (JsonNode?)a)]),
            ["mappings"] = new JsonArray([.. (definition.Mappings ?? []).Select(m => (JsonNode?)new JsonObject
            {
                ["output"] = m.Output,
                ["field"] = m.Field,
            })]),
            ["action"] = definition.Action,
            ["gate"] = definition.Gate,
            ["schedule"] = definition.Schedule is { } schedule
                ? new JsonObject { ["every"] = Duration(schedule.Every), ["cron"] = schedule.Cron }
                : null,
            ["continuous"] = definition.Continuous,
            ["budget"] = definition.Budget,
        };
        return json.ToJsonString();
    }

    /// <summary>
    /// Writes a definition for a store to keep, checking that it reads back, so a store never keeps a definition it
    /// could not return.
    /// </summary>
    /// <exception cref="ArgumentException">The definition's JSON does not read back; the message says why.</exception>
    public static string SerializeForStorage(EnrichmentDefinition definition)
    {
        var json = Serialize(definition);
        try
        {
            Deserialize(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The enrichment definition '{definition.Name}' cannot be stored: {ex.Message}", nameof(definition), ex);
        }

        return json;
    }

    /// <summary>Reads a definition written by <see cref="Serialize"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a definition of a version this code reads; the message says what is wrong.</exception>
    public static EnrichmentDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("An enrichment definition is a JSON object.");
        var version = (int?)root["version"] ?? throw new JsonException("An enrichment definition has a \"version\".");
        if (version > CurrentVersion)
        {
            throw new JsonException($"The enrichment definition is of version {version}, newer than this SDK reads ({CurrentVersion}); update the SDK.");
        }

        var providers = root["providers"] is JsonArray p ? p.Select(Text).ToArray() : [];
        if (providers.Length == 0 || providers.Any(string.IsNullOrWhiteSpace))
        {
            throw new JsonException("An enrichment definition names at least one provider, none blank.");
        }

        var audiences = root["audiences"] is JsonArray a ? a.Select(n => (long?)n ?? throw new JsonException("An audience is named by its id.")).ToArray() : [];
        if (audiences.Length == 0)
        {
            throw new JsonException("An enrichment definition names at least one audience.");
        }

        return new EnrichmentDefinition(Required(root, "name"), Kind((string?)root["kind"] ?? "person"), providers, audiences)
        {
            Mappings = root["mappings"] is JsonArray mappings ? [.. mappings.Select(Mapping)] : [],
            Action = (string?)root["action"],
            Gate = (string?)root["gate"],
            Schedule = root["schedule"] is JsonObject schedule ? new EnrichmentSchedule(Duration(schedule["every"]), (string?)schedule["cron"]) : null,
            Continuous = (bool?)root["continuous"] ?? false,
            Budget = (string?)root["budget"],
        };
    }

    private static EnrichmentMapping Mapping(JsonNode? node)
    {
        var mapping = node as JsonObject ?? throw new JsonException("Each mapping is an object {\"output\":...,\"field\":...}.");
        return new EnrichmentMapping(Required(mapping, "output"), Required(mapping, "field"));
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new JsonException("A provider is named by a string.");

    private static EntityKind Kind(string word) => word switch
    {
        "person" => EntityKind.Person,
        "company" => EntityKind.Company,
        _ => throw new JsonException($"Unknown kind '{word}'; an enrichment definition names 'person' or 'company'."),
    };

    private static string Required(JsonObject node, string name) =>
        (string?)node[name] is { Length: > 0 } value ? value : throw new JsonException($"An enrichment definition needs \"{name}\".");

    private static string? Duration(TimeSpan? duration) =>
        duration is { } d ? System.Xml.XmlConvert.ToString(d) : null;

    private static TimeSpan? Duration(JsonNode? node) =>
        (string?)node is { } text ? System.Xml.XmlConvert.ToTimeSpan(text) : null;
}
