using Audiences.Sdk.Profiles;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Audiences.Sdk.Signals;

/// <summary>
/// The JSON form of a signal definition, stable and versioned, as stores keep it and hosts exchange it:
/// <c>{"version":1,"name":"...","kind":"person","type":"job-change","provider":"...","audiences":[...],"lookback_months":3,...}</c>.
/// </summary>
public static class SignalDefinitionJson
{
    /// <summary>The version this code writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Writes a definition.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string Serialize(SignalDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = new JsonObject
        {
            ["version"] = CurrentVersion,
            ["name"] = definition.Name,
            ["kind"] = EntityKindText.Word(definition.Kind),
            ["type"] = SignalTypeText.Word(definition.Type),
            ["provider"] = definition.Provider,
            ["audiences"] = new JsonArray([.. (definition.Audiences ?? []).Select(a => (JsonNode?)a)]),
            ["lookback_months"] = (int)definition.LookBack,
            ["every"] = definition.Every is { } every ? System.Xml.XmlConvert.ToString(every) : null,
            ["budget"] = definition.Budget,
            ["companions"] = new JsonArray([.. (definition.Companions ?? []).Select(c => (JsonNode?)new JsonObject
            {
                ["audience"] = c.Audience,
                ["companion"] = c.Companion,
            })]),
        };
        return json.ToJsonString();
    }

    /// <summary>
    /// Writes a definition for a store to keep, checking that it reads back, so a store never keeps a definition it
    /// could not return.
    /// </summary>
    /// <exception cref="ArgumentException">The definition's JSON does not read back; the message says why.</exception>
    public static string SerializeForStorage(SignalDefinition definition)
    {
        var json = Serialize(definition);
        try
        {
            Deserialize(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The signal definition '{definition.Name}' cannot be stored: {ex.Message}", nameof(definition), ex);
        }

        return json;
    }

    /// <summary>Reads a definition written by <see cref="Serialize"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a definition of a version this code reads; the message says what is wrong.</exception>
    public static SignalDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("A signal definition is a JSON object.");
        var version = (int?)root["version"] ?? throw new JsonException("A signal definition has a \"version\".");
        if (version > CurrentVersion)
        {
            throw new JsonException($"The signal definition is of version {version}, newer than this SDK reads ({CurrentVersion}); update the SDK.");
        }

        var audiences = root["audiences"] is JsonArray a ? a.Select(n => (long?)n ?? throw new JsonException("An audience is named by its id.")).ToArray() : [];
        if (audiences.Length == 0)
        {
            throw new JsonException("A signal definition names at least one audience.");
        }

        var lookBack = (int?)root["lookback_months"] ?? 3;
        if (!Enum.IsDefined((SignalLookBack)lookBack))
        {
            throw new JsonException($"A signal looks back 3, 6 or 12 months, not {lookBack}.");
        }

        var type = SignalTypeText.TryParse((string?)root["type"], out var parsed)
            ? parsed
            : throw new JsonException($"Unknown signal type '{(string?)root["type"]}'; use {SignalTypeText.Choices}.");
        return new SignalDefinition(Required(root, "name"), Kind((string?)root["kind"] ?? "person"), type, Required(root, "provider"), audiences)
        {
            LookBack = (SignalLookBack)lookBack,
            Every = (string?)root["every"] is { } every ? System.Xml.XmlConvert.ToTimeSpan(every) : null,
            Budget = (string?)root["budget"],
            Companions = root["companions"] is JsonArray companions ? [.. companions.Select(Companion)] : [],
        };
    }

    private static SignalCompanion Companion(JsonNode? node)
    {
        var companion = node as JsonObject ?? throw new JsonException("Each companion is an object {\"audience\":...,\"companion\":...}.");
        return new SignalCompanion(
            (long?)companion["audience"] ?? throw new JsonException("A companion names its \"audience\"."),
            (long?)companion["companion"] ?? throw new JsonException("A companion names its \"companion\" audience."));
    }

    private static EntityKind Kind(string word) => word switch
    {
        "person" => EntityKind.Person,
        "company" => EntityKind.Company,
        _ => throw new JsonException($"Unknown kind '{word}'; a signal definition names 'person' or 'company'."),
    };

    private static string Required(JsonObject node, string name) =>
        (string?)node[name] is { Length: > 0 } value ? value : throw new JsonException($"A signal definition needs \"{name}\".");
}
