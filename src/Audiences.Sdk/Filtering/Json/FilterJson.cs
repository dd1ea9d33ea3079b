using System.Text.Encodings.Web;
using System.Text.Json;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// The versioned JSON form of a filter, for storage and APIs:
/// <c>{"version":1,"filter":{"and":[{"field":"title","op":"contains","value":"VP"}, …]}}</c>.
/// See docs/filters.md for every node.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class FilterJson
{
    /// <summary>The version this library writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>
    /// Options with the <see cref="FilterJsonConverter"/>, for serializing filters inside larger
    /// documents; they escape only what JSON requires, so <c>"&gt;"</c> stays readable.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes a filter as versioned JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    public static string Serialize(Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return JsonSerializer.Serialize(filter, Options);
    }

    /// <summary>Reads a filter from versioned JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is malformed, of an unsupported version, or not a valid filter; the message names the JSON path.</exception>
    public static Filter Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<Filter>(json, Options)
            ?? throw new JsonException("The JSON is null; expected a filter object {\"version\":1,\"filter\":{...}}.");
    }

    private static JsonSerializerOptions CreateOptions()
    {
        // Relaxed escaping keeps operators such as ">" readable in stored documents; the output is
        // JSON for storage and APIs, never embedded in HTML by this library.
        var options = new JsonSerializerOptions
        {
            Converters = { new FilterJsonConverter() },
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
