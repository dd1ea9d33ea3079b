using System.Globalization;

namespace Audiences.Sdk.Filtering;

/// <summary>A look-back period such as <c>90d</c>, <c>2w</c>, <c>6m</c> or <c>1y</c>, used by <c>within last</c>.</summary>
public readonly record struct RelativeDuration
{
    /// <summary>The largest amount accepted, enough for a century in days.</summary>
    public const int MaxAmount = 36_600;

    /// <summary>Creates a duration.</summary>
    /// <param name="amount">A whole number from 1 to <see cref="MaxAmount"/>.</param>
    /// <param name="unit">Days, weeks, calendar months or calendar years.</param>
    /// <exception cref="ArgumentOutOfRangeException">The amount or unit is out of range.</exception>
    public RelativeDuration(int amount, DurationUnit unit)
    {
        if (amount is < 1 or > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A duration is a whole number from 1 to {MaxAmount}.");
        }

        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Use Day, Week, Month or Year.");
        }

        Amount = amount;
        Unit = unit;
    }

    /// <summary>How many units.</summary>
    public int Amount { get; }

    /// <summary>The unit.</summary>
    public DurationUnit Unit { get; }

    /// <summary>The instant <see cref="Amount"/> units before <paramref name="now"/>, in UTC, counting months and years on the calendar.</summary>
    public DateTimeOffset Before(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return Unit switch
        {
            DurationUnit.Day => utc.AddDays(-Amount),
            DurationUnit.Week => utc.AddDays(-7.0 * Amount),
            DurationUnit.Month => utc.AddMonths(-Amount),
            _ => utc.AddYears(-Amount),
        };
    }

    /// <summary>Parses the text form, e.g. <c>90d</c>, <c>6m</c> (case-insensitive units).</summary>
    /// <param name="text">Digits followed by d, w, m or y.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>Whether the text is a valid duration.</returns>
    public static bool TryParse(string? text, out RelativeDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length < 2)
        {
            return false;
        }

        DurationUnit? unit = char.ToLowerInvariant(text[^1]) switch
        {
            'd' => DurationUnit.Day,
            'w' => DurationUnit.Week,
            'm' => DurationUnit.Month,
            'y' => DurationUnit.Year,
            _ => null,
        };
        if (unit is null
            || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount is < 1 or > MaxAmount)
        {
            return false;
        }

        duration = new RelativeDuration(amount, unit.Value);
        return true;
    }

    /// <summary>The text form, e.g. <c>90d</c>.</summary>
    public override string ToString() =>
        Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
        {
            DurationUnit.Day => "d",
            DurationUnit.Week => "w",
            DurationUnit.Month => "m",
            _ => "y",
        };
}
