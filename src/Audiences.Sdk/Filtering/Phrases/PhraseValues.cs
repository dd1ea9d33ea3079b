using System.Globalization;
using System.Text.RegularExpressions;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>Reads values written in plain language: "50k", "$1.5 million", "January 31, 2026", "yes", quoted text, lists with "or".</summary>
internal static partial class PhraseValues
{
    private static readonly string[] DateFormats =
    [
        "MMMM d, yyyy", "MMMM d yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMM d yyyy", "d MMM yyyy", "MMMM yyyy", "MMM yyyy", "yyyy",
    ];

    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>Parses a value for a field of <paramref name="type"/>; null with a reason when it does not fit.</summary>
    public static FieldValue? Parse(string text, FieldType type, out string? error)
    {
        error = null;
        var value = Unquote(text);
        switch (type)
        {
            case FieldType.Number when TryNumber(value, out var number):
                return FieldValue.FromNumber(number);
            case FieldType.Number:
                error = $"'{value}' is not a number";
                return null;
            case FieldType.DateTime when TryDate(value, out var date):
                return FieldValue.FromDateTime(date);
            case FieldType.DateTime:
                error = $"'{value}' is not a date (write e.g. 2026-01-31 or January 31, 2026)";
                return null;
            case FieldType.Boolean when FieldValue.TryParse(value, FieldType.Boolean, out var flag, out _) && !flag.IsEmpty:
                return flag;
            case FieldType.Boolean:
                error = $"'{value}' is not true or false";
                return null;
            default:
                return string.IsNullOrWhiteSpace(value) ? null : FieldValue.FromText(value);
        }
    }

    /// <summary>Splits "SaaS or Fintech", "A, B, or C", "neither A nor B" into items.</summary>
    public static IReadOnlyList<string> SplitList(string text)
    {
        var trimmed = NeitherRegex().Replace(text.Trim(), string.Empty);
        if (trimmed.Length >= 2 && trimmed[0] is '"' or '\'' && trimmed[^1] == trimmed[0] && trimmed.IndexOf(trimmed[0], 1) == trimmed.Length - 1)
        {
            return [trimmed];
        }

        return ListSeparatorRegex().Split(trimmed).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
    }

    /// <summary>Parses "6", "six" or nothing (one) as a count of duration units.</summary>
    public static int? Count(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        var word = text.Trim();
        var index = Array.IndexOf(NumberWords, word);
        if (index > 0)
        {
            return index;
        }

        return int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= RelativeDuration.MaxAmount ? n : null;
    }

    public static string Unquote(string text)
    {
        var t = text.Trim();
        return t.Length >= 2 && ((t[0] == '"' && t[^1] == '"') || (t[0] == '\'' && t[^1] == '\'') || (t[0] == '\u201C' && t[^1] == '\u201D'))
            ? t[1..^1]
            : t;
    }

    private static bool TryNumber(string text, out double number)
    {
        number = 0;
        var match = NumberRegex().Match(text.Replace(",", string.Empty, StringComparison.Ordinal).Trim());
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            var index = Array.IndexOf(NumberWords, text.Trim().ToLowerInvariant());
            number = index;
            return index >= 0;
        }

        number *= match.Groups["s"].Value.ToLowerInvariant() switch
        {
            "k" or "thousand" => 1e3,
            "m" or "mm" or "million" => 1e6,
            "b" or "bn" or "billion" => 1e9,
            _ => 1,
        };
        return double.IsFinite(number);
    }

    private static bool TryDate(string text, out DateTimeOffset date)
    {
        if (FieldValue.TryParse(text, FieldType.DateTime, out var iso, out _) && !iso.IsEmpty)
        {
            date = iso.AsDateTime();
            return true;
        }

        return DateTimeOffset.TryParseExact(
            text.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out date);
    }

    [GeneratedRegex(@"^[$€£]?\s*(?<n>-?\d+(?:\.\d+)?)\s*(?<s>k|mm|m|bn|b|thousand|million|billion)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"\s*,\s*(?:(?:or|and|nor)\s+)?|\s+(?:or|nor|and/or)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparatorRegex();

    [GeneratedRegex(@"^(?:neither|either)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NeitherRegex();
}
