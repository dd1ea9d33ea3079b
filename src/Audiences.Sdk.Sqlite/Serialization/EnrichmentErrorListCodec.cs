using System.Text.Json;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>
/// Encodes an enrichment run's errors in one column: a JSON array of objects with the profile id (<c>p</c>), the
/// message (<c>m</c>) and, when known, the provider (<c>v</c>). A run with warnings or records held back from its
/// action is an object instead: the errors array (<c>e</c>), the warnings (<c>w</c>, an array of strings) and the
/// records held back (<c>h</c>); the column takes both shapes, so the schema needs no new step.
/// </summary>
internal static class EnrichmentErrorListCodec
{
    public static byte[] Encode(EnrichmentRun run)
    {
        if (run.Warnings.Count == 0 && run.HeldBack == 0)
        {
            return Encode(run.Errors);
        }

        var writer = JsonBuffer.Rent();
        writer.WriteStartObject();
        writer.WritePropertyName("e");
        WriteErrors(writer, run.Errors);
        writer.WriteStartArray("w");
        foreach (var warning in run.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteNumber("h", run.HeldBack);
        writer.WriteEndObject();
        return JsonBuffer.ToArray(writer);
    }

    private static byte[] Encode(IReadOnlyList<EnrichmentError> errors)
    {
        var writer = JsonBuffer.Rent();
        WriteErrors(writer, errors);
        return JsonBuffer.ToArray(writer);
    }

    /// <summary>Reads what <see cref="Encode(EnrichmentRun)"/> wrote into the run.</summary>
    /// <exception cref="InvalidDataException">The bytes are not the JSON the store writes.</exception>
    public static EnrichmentRun DecodeInto(EnrichmentRun run, ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return run with { Errors = [.. root.EnumerateArray().Select(Read)] };
            }

            return run with
            {
                Errors = [.. root.GetProperty("e").EnumerateArray().Select(Read)],
                Warnings = [.. root.GetProperty("w").EnumerateArray().Select(w => w.GetString()!)],
                HeldBack = root.GetProperty("h").GetInt64(),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException(
                "An enrichment run's errors are not the JSON the store writes; the profile database was changed outside the store.", e);
        }
    }

    private static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<EnrichmentError> errors)
    {
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
    }

    private static EnrichmentError Read(JsonElement element) => new(
        new ProfileId(element.GetProperty("p").GetInt64()),
        element.TryGetProperty("v", out var provider) ? provider.GetString() : null,
        element.GetProperty("m").GetString()!);
}
