using System.Globalization;
using System.Text.RegularExpressions;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// A date-time held as ISO 8601 text, as SQLite keeps one (<c>2026-01-15 09:00:00</c>,
/// <c>2026-01-15T09:00:00.123Z</c>), with its layout: such a column compares as text, so a bound compared with it
/// must be written in the column's own layout.
/// </summary>
internal sealed partial class TextTimestamp
{
    private readonly string _format;
    private readonly TimeSpan? _offset;

    private TextTimestamp(DateTimeOffset instant, string format, TimeSpan? offset)
    {
        Instant = instant;
        _format = format;
        _offset = offset;
    }

    /// <summary>The instant the text names; text without an offset is UTC.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>
    /// Reads ISO 8601 text: a date, or a date and a time (with <c>T</c> or a space), seconds and fractions optional,
    /// then <c>Z</c>, an offset such as <c>+02:00</c>, or nothing (UTC).
    /// </summary>
    public static bool TryParse(string? text, out TextTimestamp timestamp)
    {
        timestamp = null!;
        var match = text is null ? Match.Empty : Layout().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var format = new System.Text.StringBuilder("yyyy'-'MM'-'dd");
        if (match.Groups["time"].Success)
        {
            format.Append(match.Groups["sep"].Value == "T" ? "'T'" : "' '").Append("HH':'mm");
            if (match.Groups["sec"].Success)
            {
                format.Append("':'ss");
            }

            if (match.Groups["frac"].Success)
            {
                format.Append("'.'").Append('f', match.Groups["frac"].Length);
            }
        }

        TimeSpan? offset = null;
        var zone = match.Groups["zone"].Value;
        if (zone.Length > 0)
        {
            format.Append(zone == "Z" ? "'Z'" : "zzz");
        }

        if (!DateTimeOffset.TryParseExact(text, format.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return false;
        }

        if (zone.Length > 0)
        {
            offset = instant.Offset;
        }

        timestamp = new TextTimestamp(instant.ToUniversalTime(), format.ToString(), offset);
        return true;
    }

    /// <summary>
    /// Writes <paramref name="instant"/> in this text's layout, at its offset. Digits the layout lacks are cut, never
    /// rounded, so a lower bound written this way never rises above the instant.
    /// </summary>
    public string Format(DateTimeOffset instant)
    {
        var at = _offset is { } offset ? instant.ToOffset(offset) : instant.ToUniversalTime();
        return _offset is null
            ? at.UtcDateTime.ToString(_format, CultureInfo.InvariantCulture)
            : at.ToString(_format, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?<time>(?<sep>[T ])\d{2}:\d{2}(?<sec>:\d{2}(?:\.(?<frac>\d{1,7}))?)?)?(?<zone>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Layout();
}
