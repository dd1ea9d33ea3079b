using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Warehouse;

/// <summary>Turns field values into parameters of a destination column's type.</summary>
internal static class SqlParameterValues
{
    /// <summary>
    /// <paramref name="value"/> as a parameter for <paramref name="column"/>: empty is <see cref="DBNull"/>; a number,
    /// boolean or date-time column takes its own type or text that parses as it (invariantly); a whole-number column
    /// takes whole numbers only; a date-time column of text (SQLite) takes ISO 8601 text; a list column takes a list
    /// (or one item); a text column takes any value as its invariant text (lists joined by <c>; </c>).
    /// </summary>
    /// <param name="value">The value to write.</param>
    /// <param name="column">The column written.</param>
    /// <param name="problem">Why the value does not fit the column, or null.</param>
    /// <returns>The parameter's value, or null when it does not fit.</returns>
    public static object? ToParameter(FieldValue value, SqlTableColumn column, out string? problem)
    {
        problem = null;
        if (value.IsEmpty)
        {
            return DBNull.Value;
        }

        var clrType = column.ClrType is { } type ? Nullable.GetUnderlyingType(type) ?? type : null;
        switch (column.Type)
        {
            case FieldType.Number:
                return Number(value, clrType, out problem);
            case FieldType.Boolean:
                if (As(value, FieldType.Boolean) is { } flag)
                {
                    return flag.AsBoolean();
                }

                if (value.Type == FieldType.Number && value.AsNumber() is 0 or 1)
                {
                    return value.AsNumber() == 1;
                }

                problem = $"takes true or false; '{value}' is neither";
                return null;
            case FieldType.DateTime:
                return DateTime(value, column, clrType, out problem);
            case FieldType.TextList when clrType is null || clrType.IsArray || clrType == typeof(Array):
                return value.Type == FieldType.TextList ? value.AsList().ToArray() : new[] { value.ToString() };
            default:
                if (clrType == typeof(Guid))
                {
                    if (Guid.TryParse(value.ToString(), out var guid))
                    {
                        return guid;
                    }

                    problem = $"takes a UUID; '{value}' is not one";
                    return null;
                }

                return value.ToString();
        }
    }

    private static object? Number(FieldValue value, Type? clrType, out string? problem)
    {
        problem = null;
        if (As(value, FieldType.Number) is not { } parsed)
        {
            problem = $"takes a number; '{value}' is not one";
            return null;
        }

        var number = parsed.AsNumber();
        var whole = clrType == typeof(long) || clrType == typeof(int) || clrType == typeof(short) || clrType == typeof(byte);
        if (whole && (Math.Truncate(number) != number || number < long.MinValue || number > long.MaxValue))
        {
            problem = $"takes whole numbers; {parsed} is not one";
            return null;
        }

        try
        {
            return clrType switch
            {
                _ when clrType == typeof(int) => checked((int)number),
                _ when clrType == typeof(short) => checked((short)number),
                _ when clrType == typeof(byte) => checked((byte)number),
                _ when whole => (long)number,
                _ when clrType == typeof(decimal) => (decimal)number,
                _ when clrType == typeof(float) => (float)number,
                _ => number,
            };
        }
        catch (OverflowException)
        {
            problem = $"cannot hold {parsed}; it is out of the column's range";
            return null;
        }
    }

    private static object? DateTime(FieldValue value, SqlTableColumn column, Type? clrType, out string? problem)
    {
        problem = null;
        if (As(value, FieldType.DateTime) is not { } parsed)
        {
            problem = $"takes an ISO 8601 date or date-time; '{value}' is neither";
            return null;
        }

        var instant = parsed.AsDateTime();
        var zoned = column.DataTypeName.Contains("with time zone", StringComparison.OrdinalIgnoreCase)
            || column.DataTypeName.Equals("timestamptz", StringComparison.OrdinalIgnoreCase);
        return clrType switch
        {
            _ when clrType == typeof(DateTimeOffset) => instant,
            _ when clrType == typeof(DateOnly) => DateOnly.FromDateTime(instant.UtcDateTime),
            // A column without a zone holds the UTC clock time, as the SQL source reads it back.
            _ when clrType == typeof(System.DateTime) => zoned ? instant.UtcDateTime : System.DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified),
            _ => parsed.ToString(),
        };
    }

    // The value as the type asked for: itself when it is of that type, parsed when it is text, else null.
    private static FieldValue? As(FieldValue value, FieldType type)
    {
        if (value.Type == type)
        {
            return value;
        }

        if (value.Type == FieldType.Text && FieldValue.TryParse(value.AsText().Trim(), type, out var parsed, out _) && !parsed.IsEmpty)
        {
            return parsed;
        }

        return null;
    }

    /// <summary>A key as a parameter of the key column's type, or null when the key cannot be one (text that is no number for a number key).</summary>
    public static object? Key(string key, SqlTableColumn column)
    {
        var parameter = ToParameter(FieldValue.FromText(key), column, out _);
        return parameter is DBNull ? null : parameter;
    }
}
