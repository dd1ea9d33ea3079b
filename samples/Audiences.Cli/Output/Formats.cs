using System.Globalization;

namespace Audiences.Cli.Output;

/// <summary>Invariant formats for numbers and times, so output reads the same on every machine.</summary>
internal static class Formats
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double rate) => rate.ToString("P0", CultureInfo.InvariantCulture);

    /// <summary>A match probability as the SDK's merge reasons write it, e.g. <c>0.9372</c>.</summary>
    public static string Probability(double probability) => probability.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC, e.g. <c>2026-03-02T08:00:00Z</c>; used in JSON.</summary>
    public static string IsoTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A time for people: to the second, in UTC.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Makes a message fit on one line of stderr.</summary>
    public static string OneLine(string text) =>
        text.ReplaceLineEndings(" ").Trim();
}
