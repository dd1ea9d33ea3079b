using System.Globalization;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Warehouse;

/// <summary>Turns what a provider's reader returns into field values.</summary>
internal static class SqlValues
{
    /// <summary>
    /// The field value of <paramref name="value"/>: null and <see cref="DBNull"/> are empty; numbers, booleans and
    /// date-times keep their type (a date-time without a kind is UTC); arrays are lists of their items as text;
    /// everything else is invariant text. Two
    /// column types SQLite keeps as something else are read as what they were declared: 0 and 1 in a boolean
    /// column, ISO 8601 text in a date-time column.
    /// </summary>
    /// <param name="value">The reader's value.</param>
    /// <param name="described">The column's field type, as the source described it.</param>
    /// <param name="problem">Why the value cannot be read (a number that is not finite, a date-time that does not parse), or null.</param>
    public static FieldValue Convert(object? value, FieldType described, out string? problem)
    {
        problem = null;
        switch (value)
        {
            case null or DBNull:
                return FieldValue.Empty;
            case bool flag:
                return FieldValue.FromBoolean(flag);
            case long or int or short or byte when described == FieldType.Boolean && System.Convert.ToInt64(value, CultureInfo.InvariantCulture) is 0 or 1:
                return FieldValue.FromBoolean(System.Convert.ToInt64(value, CultureInfo.InvariantCulture) == 1);
            case DateTime or DateTimeOffset or DateOnly:
                return FieldValue.FromDateTime(SqlTimestamps.Instant(value)!.Value);
            case string text when described == FieldType.DateTime:
                if (string.IsNullOrWhiteSpace(text))
                {
                    return FieldValue.Empty;
                }

                if (SqlTimestamps.Instant(text) is { } instant)
                {
                    return FieldValue.FromDateTime(instant);
                }

                problem = $"'{text}' is not an ISO 8601 date or date-time (e.g. 2026-01-31 or 2026-01-31 09:30:00)";
                return FieldValue.FromText(text);
            case string text:
                return FieldValue.FromText(text);
            case byte[] bytes:
                return FieldValue.FromText(System.Convert.ToHexString(bytes));
            case Array items:
                return FieldValue.FromList(items.Cast<object?>().Select(item => item is null or DBNull ? null : Text(item)));
        }

        if (SqlColumnTypes.IsNumber(value.GetType()))
        {
            var number = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (double.IsFinite(number))
            {
                return FieldValue.FromNumber(number);
            }

            problem = $"{Text(value)} is not a finite number";
            return FieldValue.FromText(Text(value));
        }

        return FieldValue.FromText(Text(value));
    }

    /// <summary>A value as invariant text: how an id is written into <see cref="Sources.SourceItem.ExternalId"/>.</summary>
    public static string Text(object value) => value switch
    {
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime or DateTimeOffset or DateOnly => FieldValue.FromDateTime(SqlTimestamps.Instant(value)!.Value).ToString(),
        byte[] bytes => System.Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
