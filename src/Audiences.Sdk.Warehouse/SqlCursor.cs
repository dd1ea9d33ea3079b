using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// Where a read of a SQL source stopped: the watermark (the timestamp and id of the last row read, in the read's
/// order by timestamp then id) and the instant the read started, which capped it.
/// </summary>
/// <remarks>
/// Written as a small JSON object, e.g.
/// <c>{"v":1,"object":"query","field":"updated_at","ts":"2026-01-15 08:59:00","tsType":"String","id":"42","idType":"Int64","upTo":"2026-01-15T09:00:00.0000000+00:00"}</c>.
/// <c>ts</c> and <c>id</c> are absent when the read saw no row with a timestamp (or no timestamp field was named):
/// the next incremental read then reads everything.
/// </remarks>
/// <param name="ObjectName">The object read.</param>
/// <param name="TimestampField">The timestamp field the watermark is of, or null.</param>
/// <param name="Timestamp">The watermark's timestamp, or null when there is none.</param>
/// <param name="Id">The watermark's id (the tie-breaker), or null when unknown: rows at the watermark's timestamp are then read again.</param>
/// <param name="UpTo">When the read started: it read no row stamped later, and rows stamped within the overlap before it may still arrive.</param>
internal sealed record SqlCursor(string ObjectName, string? TimestampField, SqlTypedValue? Timestamp, SqlTypedValue? Id, DateTimeOffset UpTo)
{
    private const int Version = 1;

    /// <summary>The cursor as the JSON text a batch carries.</summary>
    public string Write()
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps offsets readable ("+00:00", not "\u002B00:00"); the cursor is never embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("object", ObjectName);
            Optional(json, "field", TimestampField);
            Optional(json, "ts", Timestamp?.Text);
            Optional(json, "tsType", Timestamp?.Type);
            Optional(json, "id", Id?.Text);
            Optional(json, "idType", Id?.Type);
            json.WriteString("upTo", UpTo.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a cursor this source wrote for <paramref name="objectName"/> and <paramref name="timestampField"/>.</summary>
    /// <exception cref="ArgumentException">The text is no cursor of this source, or one of another object or timestamp field.</exception>
    public static SqlCursor Read(string text, string objectName, string? timestampField)
    {
        SqlCursor? cursor;
        try
        {
            using var document = JsonDocument.Parse(text);
            cursor = FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            cursor = null;
        }

        if (cursor is null)
        {
            throw new ArgumentException(
                $"The cursor '{Shorten(text)}' was not written by the SQL source '{objectName}'; read in full, or pass a cursor this source handed out.", nameof(text));
        }

        if (cursor.ObjectName != objectName)
        {
            throw new ArgumentException($"The cursor was written for the object '{cursor.ObjectName}', not '{objectName}'.", nameof(text));
        }

        if (cursor.TimestampField is not null && cursor.TimestampField != timestampField)
        {
            throw new ArgumentException(
                $"The cursor was written for the timestamp field '{cursor.TimestampField}', not '{timestampField}'; read in full to start again with the new field.", nameof(text));
        }

        return cursor;
    }

    private static SqlCursor? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("v", out var v) || !v.TryGetInt32(out var version) || version != Version ||
            Text(root, "object") is not { } objectName || Text(root, "upTo") is not { } upToText ||
            !DateTimeOffset.TryParseExact(upToText, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var upTo))
        {
            return null;
        }

        var timestamp = Typed(root, "ts", "tsType");
        var id = Typed(root, "id", "idType");
        var field = Text(root, "field");
        var valid = (timestamp is null || (timestamp.Value.IsValid && timestamp.Value.AtInstant(upTo) is not null && field is not null)) &&
            (id is null || (id.Value.IsValid && timestamp is not null));
        return valid ? new SqlCursor(objectName, field, timestamp, id, upTo) : null;
    }

    // A typed value needs both its text and its type; one without the other is a cursor from elsewhere.
    private static SqlTypedValue? Typed(JsonElement root, string textName, string typeName) =>
        (Text(root, textName), Text(root, typeName)) switch
        {
            (null, null) => null,
            ({ } text, { } type) => new SqlTypedValue(type, text),
            _ => new SqlTypedValue("?", string.Empty),
        };

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
