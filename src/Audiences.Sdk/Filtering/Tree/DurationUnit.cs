namespace Audiences.Sdk.Filtering;

/// <summary>The unit of a <see cref="RelativeDuration"/>.</summary>
public enum DurationUnit
{
    /// <summary>Days of 24 hours (<c>d</c>).</summary>
    Day = 1,

    /// <summary>Weeks of 7 days (<c>w</c>).</summary>
    Week = 2,

    /// <summary>Calendar months (<c>m</c>): from 31 March, one month back is 28 or 29 February.</summary>
    Month = 3,

    /// <summary>Calendar years (<c>y</c>).</summary>
    Year = 4,
}
