namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>How a <see cref="FuzzyComparison"/> grades two values of its field.</summary>
public enum FuzzyComparisonKind
{
    /// <summary>Levels: null, exact, else.</summary>
    Exact,

    /// <summary>Levels: null, exact, one level per Jaro–Winkler threshold (highest first), else.</summary>
    JaroWinkler,

    /// <summary>
    /// Levels: null, exact, one-character typo or day-month swap, same year and month, within N
    /// years, else. Values are ISO dates (<c>1971-06-24</c> or <c>19710624</c>).
    /// </summary>
    Date,

    /// <summary>Levels: null, exact, same local part (before <c>@</c>), local part and domain both at or above a Jaro–Winkler threshold, else.</summary>
    Email,
}
