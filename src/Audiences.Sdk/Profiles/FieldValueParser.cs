using System.Globalization;

namespace Audiences.Sdk.Profiles;

/// <summary>Parses invariant text into typed field values, and infers a type from sample text.</summary>
internal static class FieldValueParser
{
    private static readonly char[] ListSeparators = [';', '|'];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm",
    ];

    public static bool TryParse(string? text, FieldType type, out FieldValue value, out string? error)
    {
        value = FieldValue.Empty;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        switch (type)
        {
            case FieldType.Text:
                value = FieldValue.FromText(text);
                return true;
            case FieldType.Number:
                if (TryParseNumber(trimmed, out var number))
                {
                    value = FieldValue.FromNumber(number);
                    return true;
                }

                error = $"'{Shorten(trimmed)}' is not a number (expected digits with an optional sign, '.' decimal point and exponent).";
                return false;
            case FieldType.Boolean:
                if (TryParseBoolean(trimmed, out var flag))
                {
                    value = FieldValue.FromBoolean(flag);
                    return true;
                }

                error = $"'{Shorten(trimmed)}' is not a boolean (expected true/false, yes/no, y/n or 1/0).";
                return false;
            case FieldType.DateTime:
                if (TryParseDateTime(trimmed, out var instant))
                {
                    value = FieldValue.FromDateTime(instant);
                    return true;
                }

                error = $"'{Shorten(trimmed)}' is not an ISO 8601 date or date-time (expected e.g. 2026-01-31 or 2026-01-31T09:30:00Z).";
                return false;
            case FieldType.TextList:
                value = FieldValue.FromList(trimmed.Split(ListSeparators).Select(s => s.Trim()));
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown field type.");
        }
    }

    /// <summary>Infers the narrowest type that every non-blank sample fits: number, boolean, date-time, else text.</summary>
    public static FieldType Infer(IEnumerable<string?> samples)
    {
        bool number = true, boolean = true, date = true, any = false;
        foreach (var sample in samples)
        {
            if (string.IsNullOrWhiteSpace(sample))
            {
                continue;
            }

            any = true;
            var s = sample.Trim();
            number = number && TryParseNumber(s, out _) && !HasLeadingZero(s);
            boolean = boolean && IsBooleanWord(s);
            date = date && TryParseDateTime(s, out _);
            if (!number && !boolean && !date)
            {
                return FieldType.Text;
            }
        }

        return !any ? FieldType.Text : number ? FieldType.Number : boolean ? FieldType.Boolean : date ? FieldType.DateTime : FieldType.Text;
    }

    private static bool TryParseNumber(string s, out double number) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    // Zip codes and ids such as "02134" must stay text when a type is inferred.
    private static bool HasLeadingZero(string s) => s.Length > 1 && s[0] == '0' && char.IsAsciiDigit(s[1]);

    // Inference only takes words as booleans; "1"/"0" columns are numbers.
    private static bool IsBooleanWord(string s) =>
        s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase);

    private static bool TryParseBoolean(string s, out bool value)
    {
        switch (s.ToUpperInvariant())
        {
            case "TRUE" or "YES" or "Y" or "1":
                value = true;
                return true;
            case "FALSE" or "NO" or "N" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static bool TryParseDateTime(string s, out DateTimeOffset value)
    {
        if (IsoDateTimeParser.TryParseCommon(s, out var ticks))
        {
            value = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }

        return TryParseDateTimeExact(s, out value);
    }

    /// <summary>The authoritative parse, over every accepted format; internal so tests can hold the fast path to it.</summary>
    internal static bool TryParseDateTimeExact(string s, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            s, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 37), "...");
}
