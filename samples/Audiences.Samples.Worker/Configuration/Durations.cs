using System.Globalization;

namespace Audiences.Samples.Worker.Configuration;

/// <summary>Durations as configuration writes them: a whole number and a unit (<c>90s</c>, <c>15m</c>, <c>12h</c>, <c>7d</c>) or <c>hh:mm:ss</c>.</summary>
internal static class Durations
{
    /// <summary>How a duration is written, for messages.</summary>
    public const string Forms = "write e.g. '90s', '15m', '12h', '7d' or '00:15:00'";

    /// <summary>Reads a positive duration.</summary>
    /// <returns>Whether the text is one.</returns>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParseExact(trimmed, [@"hh\:mm\:ss", @"d\.hh\:mm\:ss"], CultureInfo.InvariantCulture, out duration)
                && duration > TimeSpan.Zero;
        }

        var unit = trimmed[^1];
        if (!long.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        try
        {
            duration = char.ToLowerInvariant(unit) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => TimeSpan.Zero,
            };
        }
        catch (OverflowException)
        {
            return false;
        }

        return duration > TimeSpan.Zero;
    }

    /// <summary>Writes a duration the way configuration does, e.g. <c>15m</c>.</summary>
    public static string Format(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerDay == 0 ? $"{duration.TotalDays:0}d"
        : duration.Ticks % TimeSpan.TicksPerHour == 0 ? $"{duration.TotalHours:0}h"
        : duration.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{duration.TotalMinutes:0}m"
        : duration.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{duration.TotalSeconds:0}s"
        : duration.ToString("c", CultureInfo.InvariantCulture);
}
