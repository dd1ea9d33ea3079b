using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Warehouse;

/// <summary>The field type of a query's column, from what the provider's reader says of it.</summary>
internal static class SqlColumnTypes
{
    /// <summary>
    /// Numbers are numbers, booleans booleans, dates and date-times date-times (a time of day or an interval is
    /// no instant: text), arrays (PostgreSQL's <c>text[]</c>) lists of text; everything else is text.
    /// </summary>
    /// <param name="type">The .NET type the reader gives for the column.</param>
    /// <param name="dataTypeName">The provider's name of the column's type.</param>
    /// <remarks>
    /// SQLite has no column types, only declared ones: a reader without a row reports a declared <c>DATETIME</c> or
    /// <c>BOOLEAN</c> as text and an expression as bytes. For text and bytes the declared name decides, so a SQLite
    /// column declared <c>DATETIME</c> holding ISO 8601 text is a date-time; an expression stays text.
    /// </remarks>
    public static FieldType Of(Type? type, string? dataTypeName)
    {
        var underlying = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(bool))
        {
            return FieldType.Boolean;
        }

        if (IsNumber(underlying))
        {
            return FieldType.Number;
        }

        if (underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(DateOnly))
        {
            return FieldType.DateTime;
        }

        // Npgsql reports an array column as System.Array until it has a value.
        if ((underlying is { IsArray: true } && underlying != typeof(byte[])) || underlying == typeof(Array))
        {
            return FieldType.TextList;
        }

        if (underlying == typeof(string) || underlying == typeof(byte[]) || underlying is null)
        {
            return ByDeclaredName(dataTypeName ?? string.Empty);
        }

        return FieldType.Text;
    }

    /// <summary>Whether values of <paramref name="type"/> are numbers.</summary>
    public static bool IsNumber(Type? type) =>
        type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort) ||
        type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong) ||
        type == typeof(float) || type == typeof(double) || type == typeof(decimal);

    // SQLite's declared type names (https://sqlite.org/datatype3.html), by their first word, so a PostgreSQL enum or
    // domain whose name merely contains "date" or "int" (candidate_status, print_job) stays text.
    private static FieldType ByDeclaredName(string name)
    {
        var word = name.Trim().Split(['(', ' '], 2)[0].ToUpperInvariant();
        if (word is "BOOL" or "BOOLEAN")
        {
            return FieldType.Boolean;
        }

        if (word.StartsWith("DATE", StringComparison.Ordinal) || word.StartsWith("TIMESTAMP", StringComparison.Ordinal))
        {
            return FieldType.DateTime;
        }

        var number = word.StartsWith("INT", StringComparison.Ordinal) || word.EndsWith("INT", StringComparison.Ordinal) ||
            word is "REAL" or "DOUBLE" or "FLOAT" or "NUMERIC" or "DECIMAL";
        return number ? FieldType.Number : FieldType.Text;
    }
}
