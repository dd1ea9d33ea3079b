using System.Globalization;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// A value of the id or timestamp column as a cursor keeps it: invariant text and the .NET type the provider read
/// it as, so it goes back to the provider as a parameter of that same type (a PostgreSQL <c>bigint</c> column
/// cannot be compared with a text parameter, nor a <c>timestamp</c> with a <c>timestamptz</c> without a time zone
/// coming into it).
/// </summary>
/// <param name="Type">The type's name: <c>String</c>, <c>Int16</c>, <c>Int32</c>, <c>Int64</c>, <c>Decimal</c>, <c>Double</c>, <c>Guid</c>, <c>DateTime</c> (no kind), <c>DateTimeUtc</c>, <c>DateTimeOffset</c> or <c>DateOnly</c>.</param>
/// <param name="Text">The value as invariant text.</param>
internal readonly record struct SqlTypedValue(string Type, string Text)
{
    private const string RoundTrip = "O";
    private const string Date = "yyyy'-'MM'-'dd";

    /// <summary>The value as a cursor keeps it, or null for a type no cursor can hold (it is then read again rather than lost).</summary>
    public static SqlTypedValue? From(object? value) => value switch
    {
        string text => new SqlTypedValue("String", text),
        short number => new SqlTypedValue("Int16", number.ToString(CultureInfo.InvariantCulture)),
        int number => new SqlTypedValue("Int32", number.ToString(CultureInfo.InvariantCulture)),
        long number => new SqlTypedValue("Int64", number.ToString(CultureInfo.InvariantCulture)),
        decimal number => new SqlTypedValue("Decimal", number.ToString(CultureInfo.InvariantCulture)),
        double number when double.IsFinite(number) => new SqlTypedValue("Double", number.ToString("R", CultureInfo.InvariantCulture)),
        Guid guid => new SqlTypedValue("Guid", guid.ToString("D")),
        DateTime { Kind: DateTimeKind.Unspecified } time => new SqlTypedValue("DateTime", time.ToString(RoundTrip, CultureInfo.InvariantCulture)),
        DateTime time => new SqlTypedValue("DateTimeUtc", time.ToUniversalTime().ToString(RoundTrip, CultureInfo.InvariantCulture)),
        DateTimeOffset time => new SqlTypedValue("DateTimeOffset", time.ToString(RoundTrip, CultureInfo.InvariantCulture)),
        DateOnly date => new SqlTypedValue("DateOnly", date.ToString(Date, CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>Whether the text reads as a value of the type.</summary>
    public bool IsValid => TryGetParameter(out _);

    /// <summary>The value as a parameter of the type the provider read it as.</summary>
    /// <exception cref="FormatException">The text is not a value of the type.</exception>
    public object ToParameter() =>
        TryGetParameter(out var value) ? value : throw new FormatException($"'{Text}' is not a {Type} value.");

    /// <summary>The instant a timestamp value names (a value without a zone is UTC), or null when it names none.</summary>
    public DateTimeOffset? ToInstant() => TryGetParameter(out var value) ? SqlTimestamps.Instant(value) : null;

    /// <summary>
    /// <paramref name="instant"/> as a parameter of this timestamp's type, and for text in this value's layout; null
    /// when this value is text in no layout the source can write.
    /// </summary>
    public object? AtInstant(DateTimeOffset instant) => Type switch
    {
        "DateTime" => DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified),
        "DateTimeUtc" => instant.UtcDateTime,
        "DateTimeOffset" => instant.ToUniversalTime(),
        "DateOnly" => DateOnly.FromDateTime(instant.UtcDateTime),
        "String" when TextTimestamp.TryParse(Text, out var layout) => layout.Format(instant),
        _ => null,
    };

    private bool TryGetParameter(out object value)
    {
        value = Parse(Type, Text)!;
        return value is not null;
    }

    private static object? Parse(string type, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case "String":
                return text;
            case "Int16":
                return short.TryParse(text, NumberStyles.Integer, invariant, out var n16) ? n16 : null;
            case "Int32":
                return int.TryParse(text, NumberStyles.Integer, invariant, out var n32) ? n32 : null;
            case "Int64":
                return long.TryParse(text, NumberStyles.Integer, invariant, out var n64) ? n64 : null;
            case "Decimal":
                return decimal.TryParse(text, NumberStyles.Number, invariant, out var d) ? d : null;
            case "Double":
                return double.TryParse(text, NumberStyles.Float, invariant, out var f) && double.IsFinite(f) ? f : null;
            case "Guid":
                return Guid.TryParseExact(text, "D", out var g) ? g : null;
            case "DateTime":
                return DateTime.TryParseExact(text, RoundTrip, invariant, DateTimeStyles.RoundtripKind, out var t) && t.Kind == DateTimeKind.Unspecified ? t : null;
            case "DateTimeUtc":
                return DateTime.TryParseExact(text, RoundTrip, invariant, DateTimeStyles.RoundtripKind, out var u) && u.Kind == DateTimeKind.Utc ? u : null;
            case "DateTimeOffset":
                return DateTimeOffset.TryParseExact(text, RoundTrip, invariant, DateTimeStyles.None, out var o) ? o : null;
            case "DateOnly":
                return DateOnly.TryParseExact(text, Date, invariant, DateTimeStyles.None, out var day) ? day : null;
            default:
                return null;
        }
    }
}
