namespace Audiences.Sdk.Warehouse;

/// <summary>
/// Checks a source's query before it is ever sent: it is read as a subquery, so it must be one statement, and it
/// may hold no parameters, because the source binds only its own (a <c>@p0</c> in the query would take the
/// source's value without a word).
/// </summary>
/// <remarks>
/// The scan knows string literals (<c>'...'</c>), quoted identifiers (<c>"..."</c>, <c>`...`</c>, <c>[...]</c>)
/// and comments (<c>--</c>, <c>/* */</c>), so a <c>;</c> or a marker inside them is left alone; PostgreSQL's
/// dollar-quoted strings are not known, and a <c>;</c> inside one is refused.
/// </remarks>
internal static class SqlQueryText
{
    /// <summary>The query without its trailing semicolons.</summary>
    /// <param name="query">The query text.</param>
    /// <param name="marker">The parameter marker in use (<c>@</c>, <c>:</c>, <c>$</c> or <c>?</c>).</param>
    /// <param name="objectName">The source object, for messages.</param>
    /// <exception cref="ArgumentException">The query is blank, holds a second statement or a parameter.</exception>
    public static string Check(string query, string marker, string objectName)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException($"The SQL source '{objectName}' needs a query.", nameof(query));
        }

        var end = query.Length;
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            var next = i + 1 < query.Length ? query[i + 1] : '\0';
            switch (c)
            {
                case '\'' or '"' or '`':
                    i = SkipPast(query, i + 1, c);
                    continue;
                case '[':
                    i = SkipPast(query, i + 1, ']');
                    continue;
                case '-' when next == '-':
                    i = SkipLine(query, i + 2);
                    continue;
                case '/' when next == '*':
                    i = SkipComment(query, i + 2);
                    continue;
                case ';':
                    if (!OnlyTrailing(query, i))
                    {
                        throw new ArgumentException(
                            $"The query of the SQL source '{objectName}' holds more than one statement (a ';' at offset {i}); give one SELECT.", nameof(query));
                    }

                    end = Math.Min(end, i);
                    i++;
                    continue;
            }

            i = CheckMarker(query, i, marker, objectName);
        }

        return query[..end].TrimEnd();
    }

    // A marker followed by a name or a number is a parameter; '::' (a cast) and '@@' (a system variable) are not.
    private static int CheckMarker(string query, int i, string marker, string objectName)
    {
        var c = query[i];
        if (c != marker[0])
        {
            return i + 1;
        }

        var next = i + 1 < query.Length ? query[i + 1] : '\0';
        if (c != '?' && next == c)
        {
            return i + 2;
        }

        if (c == '?' || char.IsLetterOrDigit(next) || next == '_')
        {
            var length = 1;
            while (i + length < query.Length && (char.IsLetterOrDigit(query[i + length]) || query[i + length] == '_'))
            {
                length++;
            }

            throw new ArgumentException(
                $"The query of the SQL source '{objectName}' has a parameter ('{query.Substring(i, length)}'), but the source binds only values of its own; write the value into the query, or into a view it reads.",
                nameof(query));
        }

        return i + 1;
    }

    // Whether only white space, semicolons and comments follow offset i.
    private static bool OnlyTrailing(string query, int i)
    {
        i++;
        while (i < query.Length)
        {
            var c = query[i];
            var next = i + 1 < query.Length ? query[i + 1] : '\0';
            if (char.IsWhiteSpace(c) || c == ';')
            {
                i++;
            }
            else if (c == '-' && next == '-')
            {
                i = SkipLine(query, i + 2);
            }
            else if (c == '/' && next == '*')
            {
                i = SkipComment(query, i + 2);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    // Past the closing quote; a doubled quote inside is an escaped one, and so is skipped on the next pass.
    private static int SkipPast(string query, int i, char close)
    {
        var at = query.IndexOf(close, i);
        return at < 0 ? query.Length : at + 1;
    }

    private static int SkipLine(string query, int i)
    {
        var at = query.IndexOf('\n', i);
        return at < 0 ? query.Length : at + 1;
    }

    private static int SkipComment(string query, int i)
    {
        var at = query.IndexOf("*/", i, StringComparison.Ordinal);
        return at < 0 ? query.Length : at + 2;
    }
}
