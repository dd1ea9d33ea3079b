namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Grades pairs of values of one column into the levels of a <see cref="FuzzyComparison"/>. Values
/// are addressed by their code in the column's dictionary of distinct values, so whatever a
/// comparison derives from a value (a parsed date, an email's local part) is computed once per
/// distinct value. Thread-safe once created.
/// </summary>
internal abstract class LevelGrader
{
    /// <summary>Creates the grader of a comparison over a column's distinct values.</summary>
    public static LevelGrader Create(FuzzyComparison comparison, IReadOnlyList<string> values) => comparison.Kind switch
    {
        FuzzyComparisonKind.Exact => ExactGrader.Instance,
        FuzzyComparisonKind.JaroWinkler => new TextGrader(values, comparison.Thresholds, comparison.SwapField is null ? 2 : 3),
        FuzzyComparisonKind.Date => new DateGrader(values, comparison.WithinYears),
        FuzzyComparisonKind.Email => new EmailGrader(values, comparison.Thresholds[0]),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison.Kind, "Unknown comparison kind."),
    };

    /// <summary>The level of two value codes; a negative code is an empty value, which gives the null level.</summary>
    public int Grade(int left, int right) =>
        left < 0 || right < 0 ? FuzzyComparison.NullLevel : left == right ? FuzzyComparison.ExactLevel : Level(left, right);

    /// <summary>The level of two different, non-empty value codes (or equal codes, which are exact).</summary>
    public abstract int Level(int left, int right);
}
