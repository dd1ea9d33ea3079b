using System.Text.Json;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>
/// Encodes a sync run's errors in one column: a JSON array of objects with the message (<c>m</c>) and, when known,
/// the line (<c>l</c>), the record's key as <c>[source, object, external id]</c> (<c>r</c>) and the field (<c>f</c>).
/// </summary>
internal static class ImportErrorListCodec
{
    public static byte[] Encode(IReadOnlyList<ImportError> errors)
    {
        var writer = JsonBuffer.Rent();
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("m", error.Message);
            if (error.Line is { } line)
            {
                writer.WriteNumber("l", line);
            }

            if (error.Record is { } key)
            {
                writer.WriteStartArray("r");
                writer.WriteStringValue(key.Source);
                writer.WriteStringValue(key.ObjectName);
                writer.WriteStringValue(key.ExternalId);
                writer.WriteEndArray();
            }

            if (error.Field is { } field)
            {
                writer.WriteString("f", field);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        return JsonBuffer.ToArray(writer);
    }

    /// <exception cref="InvalidDataException">The bytes are not the JSON the store writes.</exception>
    public static ImportError[] Decode(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            return [.. document.RootElement.EnumerateArray().Select(Read)];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IndexOutOfRangeException)
        {
            throw new InvalidDataException(
                "A sync run's errors are not the JSON the store writes; the profile database was changed outside the store.", e);
        }
    }

    private static ImportError Read(JsonElement element) => new(element.GetProperty("m").GetString()!)
    {
        Line = element.TryGetProperty("l", out var line) ? line.GetInt64() : null,
        Record = element.TryGetProperty("r", out var record)
            ? new SourceRecordKey(record[0].GetString()!, record[1].GetString()!, record[2].GetString()!)
            : null,
        Field = element.TryGetProperty("f", out var field) ? field.GetString() : null,
    };
}
