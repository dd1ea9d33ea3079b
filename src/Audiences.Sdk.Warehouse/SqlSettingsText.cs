using System.Globalization;
using System.Text.RegularExpressions;

namespace Audiences.Sdk.Warehouse;

/// <summary>Reads durations as source settings write them: <c>00:05:00</c>, or a number and a unit (<c>5m</c>, <c>30s</c>, <c>2h</c>, <c>1d</c>, <c>500ms</c>).</summary>
internal static partial class SqlSettingsText
{
    /// <summary>Reads a duration; a bare number is refused, since its unit would be a guess.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        var match = WithUnit().Match(trimmed);
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        duration = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        return true;
    }

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<unit>ms|s|m|h|d)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex WithUnit();
}
