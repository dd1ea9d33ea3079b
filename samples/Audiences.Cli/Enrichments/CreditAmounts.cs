using System.Globalization;
using Audiences.Cli.Cli;

namespace Audiences.Cli.Enrichments;

/// <summary>Credit amounts as the command line writes them: <c>250</c>, <c>12.5</c>, or <c>none</c> for no cap.</summary>
internal static class CreditAmounts
{
    public const string NoCap = "none";

    /// <summary>Reads a cap: a number of credits of at least zero, or <c>none</c> (null).</summary>
    /// <exception cref="InputException">The value is neither.</exception>
    public static decimal? ParseCap(string option, string value)
    {
        var text = value.Trim();
        if (string.Equals(text, NoCap, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Invariant, without thousands separators: "1,000" would read differently in other cultures.
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var credits))
        {
            return credits;
        }

        throw new InputException(
            $"{option} '{value}' is not a credit amount; give a number of credits of at least 0, e.g. 250 or 12.5, or '{NoCap}' for no cap.");
    }

    /// <summary>The amount without trailing zeros: <c>12.5</c>, <c>3</c>.</summary>
    public static string Format(decimal credits) => credits.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A cap, or <c>none</c>.</summary>
    public static string Format(decimal? cap) => cap is { } credits ? Format(credits) : NoCap;
}
