using System.Text.Json;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>Encodes a list of texts (a sync run's errors) as a JSON array of strings, kept in one column.</summary>
internal static class TextListCodec
{
    public static byte[] Encode(IReadOnlyList<string> texts)
    {
        var writer = JsonBuffer.Rent();
        writer.WriteStartArray();
        foreach (var text in texts)
        {
            writer.WriteStringValue(text);
        }

        writer.WriteEndArray();
        return JsonBuffer.ToArray(writer);
    }

    /// <exception cref="InvalidDataException">The bytes are not a JSON array of strings.</exception>
    public static string[] Decode(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid();
        }

        var texts = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            texts.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Invalid());
        }

        return reader.TokenType == JsonTokenType.EndArray ? [.. texts] : throw Invalid();
    }

    private static InvalidDataException Invalid() =>
        new("A list of texts is not the JSON array of strings the store writes; the profile database was changed outside the store.");
}
