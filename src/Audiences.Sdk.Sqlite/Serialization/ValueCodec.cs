using System.Text.Json;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>
/// Encodes field values as compact JSON whose token type is the value's type tag: a string is text,
/// a number is a number (written in its shortest round-trip form, so the double's bits come back
/// exactly), <c>true</c>/<c>false</c> a boolean, an array of strings a text list, <c>{"d":ticks}</c>
/// a UTC date-time, and <c>null</c> the empty value. Values stay readable with SQLite's JSON functions.
/// </summary>
internal static class ValueCodec
{
    private const string DateProperty = "d";

    /// <summary>Encodes values by field key as one JSON object.</summary>
    public static byte[] EncodeValues(IReadOnlyDictionary<string, FieldValue> values) => JsonBuffer.ToArray(WriteValues(values));

    /// <summary>Encodes values as <see cref="EncodeValues"/> does into the thread's buffer (see <see cref="JsonBuffer.Written"/>).</summary>
    public static ReadOnlySpan<byte> EncodeValuesInPlace(IReadOnlyDictionary<string, FieldValue> values) => JsonBuffer.Written(WriteValues(values));

    /// <summary>Writes values by field key as one JSON object into the thread's buffer.</summary>
    private static Utf8JsonWriter WriteValues(IReadOnlyDictionary<string, FieldValue> values)
    {
        var writer = JsonBuffer.Rent();
        writer.WriteStartObject();
        foreach (var (key, value) in values)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
        return writer;
    }

    /// <summary>Decodes what <see cref="EncodeValues"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an encoded value map.</exception>
    public static Dictionary<string, FieldValue> DecodeValues(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            values[key] = ReadValue(ref reader);
        }

        EnsureAt(ref reader, JsonTokenType.EndObject);
        return values;
    }

    /// <summary>Encodes aliases as a flat JSON array of field, value pairs.</summary>
    public static byte[] EncodeAliases(IEnumerable<AliasKey> aliases)
    {
        var writer = JsonBuffer.Rent();
        writer.WriteStartArray();
        foreach (var alias in aliases)
        {
            writer.WriteStringValue(alias.Field);
            writer.WriteStringValue(alias.Value);
        }

        writer.WriteEndArray();
        return JsonBuffer.ToArray(writer);
    }

    /// <summary>Encodes aliases as <see cref="EncodeAliases"/> does into the thread's buffer (see <see cref="JsonBuffer.Written"/>).</summary>
    public static ReadOnlySpan<byte> EncodeAliasesInPlace(IReadOnlyList<AliasKey> aliases)
    {
        var writer = JsonBuffer.Rent();
        writer.WriteStartArray();
        for (var i = 0; i < aliases.Count; i++)
        {
            writer.WriteStringValue(aliases[i].Field);
            writer.WriteStringValue(aliases[i].Value);
        }

        writer.WriteEndArray();
        return JsonBuffer.Written(writer);
    }

    /// <summary>Decodes what <see cref="EncodeAliases"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an encoded alias list.</exception>
    public static List<AliasKey> DecodeAliases(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartArray);
        var aliases = new List<AliasKey>();
        while (Next(ref reader) == JsonTokenType.String)
        {
            var field = reader.GetString()!;
            Expect(ref reader, JsonTokenType.String);
            aliases.Add(new AliasKey(field, reader.GetString()!));
        }

        EnsureAt(ref reader, JsonTokenType.EndArray);
        return aliases;
    }

    /// <summary>Writes one value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, FieldValue value)
    {
        switch (value.Type)
        {
            case FieldType.Text:
                writer.WriteStringValue(value.AsText());
                break;
            case FieldType.Number:
                writer.WriteNumberValue(value.AsNumber());
                break;
            case FieldType.Boolean:
                writer.WriteBooleanValue(value.AsBoolean());
                break;
            case FieldType.DateTime:
                writer.WriteStartObject();
                writer.WriteNumber(DateProperty, value.AsDateTime().UtcTicks);
                writer.WriteEndObject();
                break;
            case FieldType.TextList:
                writer.WriteStartArray();
                foreach (var item in value.AsList())
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Reads the value at the reader's current token, leaving the reader on its last token.</summary>
    /// <exception cref="InvalidDataException">The token does not start an encoded value.</exception>
    public static FieldValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return FieldValue.Empty;
            case JsonTokenType.String:
                return FieldValue.FromText(reader.GetString());
            case JsonTokenType.Number:
                return FieldValue.FromNumber(reader.GetDouble());
            case JsonTokenType.True:
                return FieldValue.FromBoolean(true);
            case JsonTokenType.False:
                return FieldValue.FromBoolean(false);
            case JsonTokenType.StartArray:
                var items = new List<string>();
                while (Next(ref reader) == JsonTokenType.String)
                {
                    items.Add(reader.GetString()!);
                }

                EnsureAt(ref reader, JsonTokenType.EndArray);
                return FieldValue.FromList(items);
            case JsonTokenType.StartObject:
                Expect(ref reader, JsonTokenType.PropertyName);
                if (!reader.ValueTextEquals(DateProperty))
                {
                    throw Corrupt(JsonTokenType.PropertyName);
                }

                Expect(ref reader, JsonTokenType.Number);
                var ticks = reader.GetInt64();
                Expect(ref reader, JsonTokenType.EndObject);
                return FieldValue.FromDateTime(new DateTimeOffset(ticks, TimeSpan.Zero));
            default:
                throw Corrupt(reader.TokenType);
        }
    }

    /// <summary>Moves to the next token and checks its type.</summary>
    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw Corrupt(reader.TokenType);
        }
    }

    /// <summary>Checks the type of the current token.</summary>
    internal static void EnsureAt(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw Corrupt(reader.TokenType);
        }
    }

    /// <summary>Moves to the next token.</summary>
    internal static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw Corrupt(JsonTokenType.None);

    internal static InvalidDataException Corrupt(JsonTokenType found) =>
        new($"A stored value is not in the expected format (found {found}); the profile database was changed outside the store or is damaged.");
}
