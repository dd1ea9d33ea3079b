using System.Globalization;
using Audiences.Cli.Cli;

namespace Audiences.Cli.Syncs;

/// <summary>Durations as the command line writes them: a whole number and a unit, <c>90s</c>, <c>15m</c>, <c>12h</c>, <c>7d</c>.</summary>
internal static class Durations
{
    /// <exception cref="InputException">The value is not a positive whole number followed by s, m, h or d.</exception>
    public static TimeSpan Parse(string option, string value)
    {
        var text = value.Trim();
        if (text.Length >= 2
            && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount > 0
            && Unit(char.ToLowerInvariant(text[^1])) is { } unit
            && amount <= TimeSpan.MaxValue.Ticks / unit.Ticks)
        {
            return unit * amount;
        }

        throw new InputException($"{option} '{value}' is not a duration; give a whole number and a unit: s, m, h or d, e.g. 90s, 15m, 12h or 7d.");
    }

    /// <summary>The shortest form that says the duration exactly: <c>15m</c> rather than <c>900s</c>.</summary>
    public static string Format(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerDay == 0 ? $"{duration.Ticks / TimeSpan.TicksPerDay}d"
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? $"{duration.Ticks / TimeSpan.TicksPerHour}h"
        : duration.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{duration.Ticks / TimeSpan.TicksPerMinute}m"
        : duration.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{duration.Ticks / TimeSpan.TicksPerSecond}s"
        : duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private static TimeSpan? Unit(char unit) => unit switch
    {
        's' => TimeSpan.FromSeconds(1),
        'm' => TimeSpan.FromMinutes(1),
        'h' => TimeSpan.FromHours(1),
        'd' => TimeSpan.FromDays(1),
        _ => null,
    };
}
