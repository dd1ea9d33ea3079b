namespace Audiences.Sdk.Profiles;

/// <summary>
/// Parses the ISO 8601 shapes that nearly every date-time value takes (<c>2026-01-31</c>,
/// <c>2026-01-31T09:30:00Z</c>, <c>2026-01-31 09:30:00.25</c>) by reading the digits directly, which is
/// many times faster than trying each format of <see cref="DateTimeOffset.TryParseExact(string?, string?[], IFormatProvider?, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>.
/// </summary>
/// <remarks>
/// It accepts only text those formats accept with the same result, and answers "don't know" for the rest
/// (an offset other than <c>Z</c>, an invalid date, any other shape), which the caller then parses the slow,
/// authoritative way. So it can never accept or reject a value differently, only sooner.
/// </remarks>
internal static class IsoDateTimeParser
{
    /// <summary>Parses <paramref name="s"/> when it has one of the common shapes; false means "not decided here".</summary>
    /// <param name="s">Trimmed text.</param>
    /// <param name="utcTicks">The instant's UTC ticks, when the method returns true.</param>
    public static bool TryParseCommon(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var ticks = new DateTime(year, month, day).Ticks;
        if (s.Length == 10)
        {
            utcTicks = ticks;
            return true;
        }

        // The formats: 'T' then HH:mm, HH:mm:ss or HH:mm:ss.FFFFFFF, each optionally followed by Z; ' ' then HH:mm, or HH:mm:ss optionally followed by Z.
        var t = s[10] == 'T';
        if ((!t && s[10] != ' ') || s.Length < 16 || s[13] != ':'
            || !TryDigits(s, 11, 2, out var hour) || !TryDigits(s, 14, 2, out var minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        ticks += (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute);
        var at = 16;
        var hasSeconds = false;
        if (at < s.Length && s[at] == ':')
        {
            if (s.Length < 19 || !TryDigits(s, 17, 2, out var second) || second > 59)
            {
                return false;
            }

            ticks += second * TimeSpan.TicksPerSecond;
            at = 19;
            hasSeconds = true;
        }

        if (t && hasSeconds && at < s.Length && s[at] == '.')
        {
            var start = ++at;
            long fraction = 0;
            while (at < s.Length && at - start < 7 && char.IsAsciiDigit(s[at]))
            {
                fraction = (fraction * 10) + (s[at++] - '0');
            }

            var digits = at - start;
            if (digits == 0 || (at < s.Length && char.IsAsciiDigit(s[at])))
            {
                return false;
            }

            for (var i = digits; i < 7; i++)
            {
                fraction *= 10;
            }

            ticks += fraction;
        }

        // A space-separated time takes Z only after seconds.
        if (at < s.Length && s[at] == 'Z' && (t || hasSeconds))
        {
            at++;
        }

        if (at != s.Length)
        {
            return false;
        }

        utcTicks = ticks;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
