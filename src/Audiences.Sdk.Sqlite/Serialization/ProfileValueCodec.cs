using System.Text.Json;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>
/// Encodes a profile's current values with their provenance:
/// <c>{"s":[[source,object,id,sourceKind,observedTicks],…],"v":{"field":[value,sourceIndex],…}}</c>.
/// Values from the same source record share one provenance entry, which keeps rows small; the
/// fields of <c>$.v</c> can be listed with SQLite's <c>json_each</c>.
/// </summary>
internal static class ProfileValueCodec
{
    /// <summary>Encodes a profile's values.</summary>
    public static byte[] Encode(IReadOnlyDictionary<string, ProfileValue> values) => JsonBuffer.ToArray(Write(values));

    /// <summary>Encodes as <see cref="Encode"/> does into the thread's buffer (see <see cref="JsonBuffer.Written"/>).</summary>
    public static ReadOnlySpan<byte> EncodeInPlace(IReadOnlyDictionary<string, ProfileValue> values) => JsonBuffer.Written(Write(values));

    private static Utf8JsonWriter Write(IReadOnlyDictionary<string, ProfileValue> values)
    {
        var provenance = new Dictionary<(SourceRecordKey, SourceKind, long), int>();
        var origins = new List<(SourceRecordKey Key, SourceKind Kind, long Ticks)>();
        var indexes = new int[values.Count];
        var i = 0;
        foreach (var value in values.Values)
        {
            var origin = (value.Source, value.SourceKind, value.ObservedAt.UtcTicks);
            if (!provenance.TryGetValue(origin, out var index))
            {
                index = origins.Count;
                provenance.Add(origin, index);
                origins.Add(origin);
            }

            indexes[i++] = index;
        }

        var writer = JsonBuffer.Rent();
        writer.WriteStartObject();
        writer.WriteStartArray("s");
        foreach (var (key, kind, ticks) in origins)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(key.Source);
            writer.WriteStringValue(key.ObjectName);
            writer.WriteStringValue(key.ExternalId);
            writer.WriteNumberValue((int)kind);
            writer.WriteNumberValue(ticks);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("v");
        i = 0;
        foreach (var (field, value) in values)
        {
            writer.WriteStartArray(field);
            ValueCodec.WriteValue(writer, value.Value);
            writer.WriteNumberValue(indexes[i++]);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        return writer;
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not encoded profile values.</exception>
    public static Dictionary<string, ProfileValue> Decode(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        ValueCodec.Expect(ref reader, JsonTokenType.StartObject);
        ValueCodec.Expect(ref reader, JsonTokenType.PropertyName);
        ValueCodec.Expect(ref reader, JsonTokenType.StartArray);
        var origins = new List<(SourceRecordKey Key, SourceKind Kind, DateTimeOffset ObservedAt)>();
        while (ValueCodec.Next(ref reader) == JsonTokenType.StartArray)
        {
            var source = ReadString(ref reader);
            var objectName = ReadString(ref reader);
            var externalId = ReadString(ref reader);
            ValueCodec.Expect(ref reader, JsonTokenType.Number);
            var kind = (SourceKind)reader.GetInt32();
            ValueCodec.Expect(ref reader, JsonTokenType.Number);
            var observedAt = new DateTimeOffset(reader.GetInt64(), TimeSpan.Zero);
            ValueCodec.Expect(ref reader, JsonTokenType.EndArray);
            origins.Add((new SourceRecordKey(source, objectName, externalId), kind, observedAt));
        }

        ValueCodec.EnsureAt(ref reader, JsonTokenType.EndArray);
        ValueCodec.Expect(ref reader, JsonTokenType.PropertyName);
        ValueCodec.Expect(ref reader, JsonTokenType.StartObject);
        var values = new Dictionary<string, ProfileValue>(StringComparer.Ordinal);
        while (ValueCodec.Next(ref reader) == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            ValueCodec.Expect(ref reader, JsonTokenType.StartArray);
            reader.Read();
            var value = ValueCodec.ReadValue(ref reader);
            ValueCodec.Expect(ref reader, JsonTokenType.Number);
            var index = reader.GetInt32();
            ValueCodec.Expect(ref reader, JsonTokenType.EndArray);
            if ((uint)index >= (uint)origins.Count)
            {
                throw ValueCodec.Corrupt(JsonTokenType.Number);
            }

            var (key, kind, observedAt) = origins[index];
            values[field] = new ProfileValue(value, key, kind, observedAt);
        }

        ValueCodec.EnsureAt(ref reader, JsonTokenType.EndObject);
        return values;
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        ValueCodec.Expect(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }
}
