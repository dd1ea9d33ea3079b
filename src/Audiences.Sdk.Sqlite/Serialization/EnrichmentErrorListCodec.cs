using System.Text.Json;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>
/// Encodes an enrichment run's errors in one column: a JSON array of objects with the profile id (<c>p</c>), the
/// message (<c>m</c>) and, when known, the provider (<c>v</c>).
/// </summary>
internal static class EnrichmentErrorListCodec
{
    public static byte[] Encode(IReadOnlyList<EnrichmentError> errors)
    {
        var writer = JsonBuffer.Rent();
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteNumber("p", error.Profile.Value);
            writer.WriteString("m", error.Message);
            if (error.Provider is { } provider)
            {
                writer.WriteString("v", provider);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        return JsonBuffer.ToArray(writer);
    }

    /// <exception cref="InvalidDataException">The bytes are not the JSON the store writes.</exception>
    public static EnrichmentError[] Decode(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            return [.. document.RootElement.EnumerateArray().Select(Read)];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException(
                "An enrichment run's errors are not the JSON the store writes; the profile database was changed outside the store.", e);
        }
    }

    private static EnrichmentError Read(JsonElement element) => new(
        new ProfileId(element.GetProperty("p").GetInt64()),
        element.TryGetProperty("v", out var provider) ? provider.GetString() : null,
        element.GetProperty("m").GetString()!);
}
