using System.Text.Json;
using System.Text.Json.Nodes;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

/// <summary>
/// The JSON form of a sync definition, stable and versioned, as stores keep it and hosts exchange it:
/// <c>{"version":1,"name":"...","source":{"type":"sql","settings":{...}},"object":"...","id":"...",...}</c>.
/// Names of kinds, types and source kinds are written as users type them (<c>person</c>, <c>number</c>, <c>warehouse</c>).
/// </summary>
public static class SyncDefinitionJson
{
    /// <summary>The version this code writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Writes a definition.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string Serialize(SyncDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = new JsonObject
        {
            ["version"] = CurrentVersion,
            ["name"] = definition.Name,
            ["source"] = new JsonObject
            {
                ["type"] = definition.Source.Type,
                ["settings"] = new JsonObject(definition.Source.Values.OrderBy(v => v.Key, StringComparer.Ordinal)
                    .Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))),
            },
            ["object"] = definition.ObjectName,
            ["id"] = definition.IdField,
            ["kind"] = EntityKindText.Word(definition.Kind),
            ["timestamp"] = definition.TimestampField,
            ["sourceName"] = definition.SourceName,
            ["sourceKind"] = definition.SourceKind.ToName(),
            ["matchOn"] = definition.MatchOn is null ? null : new JsonArray([.. definition.MatchOn.Select(f => (JsonNode?)f)]),
            ["mappings"] = new JsonArray([.. definition.Mappings.Select(m => (JsonNode?)new JsonObject
            {
                ["from"] = m.SourceField,
                ["to"] = m.Field,
                ["type"] = m.Type?.ToName(),
            })]),
            ["schedule"] = new JsonObject
            {
                ["every"] = Duration(definition.Schedule.Every),
                ["fullEvery"] = Duration(definition.Schedule.FullEvery),
                ["cron"] = definition.Schedule.Cron,
            },
            ["importActivities"] = definition.ImportActivities,
            ["batchSize"] = definition.BatchSize,
            ["fuzzy"] = definition.FuzzyFields is null ? null : new JsonArray([.. definition.FuzzyFields.Select(f => (JsonNode?)f)]),
        };
        if (definition.Related is { } related)
        {
            json["related"] = new JsonObject
            {
                ["type"] = related.Type,
                ["ownerKind"] = EntityKindText.Word(related.OwnerKind),
                ["ownerField"] = related.OwnerField,
                ["ownerObject"] = related.OwnerObject,
                ["ownerAliasField"] = related.OwnerAliasField,
            };
        }

        return json.ToJsonString();
    }

    /// <summary>
    /// Writes a definition for a store to keep, checking that it reads back, so a store never keeps a definition it
    /// could not return.
    /// </summary>
    /// <exception cref="ArgumentException">The definition's JSON does not read back; the message says why.</exception>
    public static string SerializeForStorage(SyncDefinition definition)
    {
        var json = Serialize(definition);
        try
        {
            Deserialize(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The sync definition '{definition.Name}' cannot be stored: {ex.Message}", nameof(definition), ex);
        }

        return json;
    }

    /// <summary>Reads a definition written by <see cref="Serialize"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a definition of a version this code reads; the message says what is wrong.</exception>
    public static SyncDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A sync definition is a JSON object.");
        var version = (int?)root["version"] ?? throw new JsonException("A sync definition has a \"version\".");
        if (version > CurrentVersion)
        {
            throw new JsonException($"The sync definition is of version {version}, newer than this SDK reads ({CurrentVersion}); update the SDK.");
        }

        var source = root["source"] as JsonObject ?? throw new JsonException("A sync definition has a \"source\" object.");
        var settings = (source["settings"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal);
        var schedule = root["schedule"] as JsonObject ?? [];
        return new SyncDefinition(
            Required(root, "name"),
            new SourceSettings(Required(source, "type"), settings),
            Required(root, "object"),
            Required(root, "id"))
        {
            Kind = Kind((string?)root["kind"] ?? "person"),
            TimestampField = (string?)root["timestamp"],
            SourceName = (string?)root["sourceName"],
            SourceKind = ReadSourceKind((string?)root["sourceKind"] ?? "warehouse"),
            MatchOn = root["matchOn"] is JsonArray match ? [.. match.Select(f => (string)f!)] : null,
            Mappings = root["mappings"] is JsonArray mappings ? [.. mappings.Select(Mapping)] : [],
            Schedule = new SyncSchedule(Duration(schedule["every"]), Duration(schedule["fullEvery"]), (string?)schedule["cron"]),
            ImportActivities = (bool?)root["importActivities"] ?? false,
            BatchSize = (int?)root["batchSize"],
            FuzzyFields = root["fuzzy"] is JsonArray fuzzy ? [.. fuzzy.Select(f => (string)f!)] : null,
            Related = root["related"] is JsonObject related ? Related(related) : null,
        };
    }

    private static FieldMapping Mapping(JsonNode? node)
    {
        var mapping = node as JsonObject ?? throw new JsonException("Each mapping is an object {\"from\":...,\"to\":...}.");
        var type = (string?)mapping["type"];
        return new FieldMapping(
            Required(mapping, "from"),
            (string?)mapping["to"],
            type is null ? null : FieldTypeNames.TryParse(type, out var parsed) ? parsed : throw new JsonException($"Unknown field type '{type}' in a mapping."));
    }

    private static RelatedTarget Related(JsonObject related) =>
        new(Required(related, "type"), Kind(Required(related, "ownerKind")), Required(related, "ownerField"))
        {
            OwnerObject = (string?)related["ownerObject"],
            OwnerAliasField = (string?)related["ownerAliasField"] ?? AliasFields.Domain,
        };

    private static EntityKind Kind(string word) => word switch
    {
        "person" => EntityKind.Person,
        "company" => EntityKind.Company,
        _ => throw new JsonException($"Unknown kind '{word}'; a sync definition names 'person' or 'company'."),
    };

    private static SourceKind ReadSourceKind(string name) =>
        SourceKindNames.TryParse(name, out var kind) ? kind : throw new JsonException($"Unknown source kind '{name}' in a sync definition.");

    private static string Required(JsonObject node, string name) =>
        (string?)node[name] is { Length: > 0 } value ? value : throw new JsonException($"A sync definition needs \"{name}\".");

    private static string? Duration(TimeSpan? duration) =>
        duration is { } d ? System.Xml.XmlConvert.ToString(d) : null;

    private static TimeSpan? Duration(JsonNode? node) =>
        (string?)node is { } text ? System.Xml.XmlConvert.ToTimeSpan(text) : null;
}
