using System.Text.Json;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>
/// Encodes a list of source record keys as a JSON array of <c>[source, object, external id]</c>
/// triples: the ledgers keep the records a merge moved (or a split separated) in one column.
/// </summary>
internal static class SourceKeyListCodec
{
    public static byte[] Encode(IReadOnlyList<SourceRecordKey> keys)
    {
        var writer = JsonBuffer.Rent();
        writer.WriteStartArray();
        foreach (var key in keys)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(key.Source);
            writer.WriteStringValue(key.ObjectName);
            writer.WriteStringValue(key.ExternalId);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        return JsonBuffer.ToArray(writer);
    }

    public static IReadOnlyList<SourceRecordKey> Decode(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return [];
        }

        var reader = new Utf8JsonReader(json);
        var keys = new List<SourceRecordKey>();
        Expect(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var source = Next(ref reader);
            var objectName = Next(ref reader);
            var externalId = Next(ref reader);
            Expect(ref reader, JsonTokenType.EndArray);
            keys.Add(new SourceRecordKey(source, objectName, externalId));
        }

        return keys;
    }

    private static string Next(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new InvalidDataException("A ledger's record list is not the JSON the store writes; the profile database was changed outside the store.");
        }
    }
}
