using System.Globalization;

namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// How one field of two records is compared: the field, the kind of comparison and its ordered
/// levels, from "null" (either side empty, weight 0) and "exact" down to "else". Immutable and
/// thread-safe; create one with <see cref="Exact"/>, <see cref="Text"/>, <see cref="Date"/>,
/// <see cref="Email"/> or <see cref="ForField"/>.
/// </summary>
public sealed class FuzzyComparison
{
    /// <summary>The Jaro–Winkler thresholds of <see cref="Text"/> when none are given: 0.92, 0.88, 0.7.</summary>
    public static readonly IReadOnlyList<double> DefaultTextThresholds = [0.92, 0.88, 0.7];

    /// <summary>The Jaro–Winkler threshold of <see cref="Email"/> when none is given: 0.88.</summary>
    public const double DefaultEmailThreshold = 0.88;

    /// <summary>The "within N years" of <see cref="Date"/> when none is given: 10.</summary>
    public const int DefaultDateYears = 10;

    /// <summary>The index of the "null" level (either side empty) in <see cref="Levels"/>: always 0.</summary>
    public const int NullLevel = 0;

    /// <summary>The index of the "exact" level in <see cref="Levels"/>: always 1.</summary>
    public const int ExactLevel = 1;

    private FuzzyComparison(string field, FuzzyComparisonKind kind, double[] thresholds, int years, bool termFrequency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        Field = field;
        Kind = kind;
        Thresholds = thresholds;
        WithinYears = years;
        TermFrequencyAdjustment = termFrequency;
        Levels = BuildLabels();
    }

    /// <summary>The field of the record table this comparison reads.</summary>
    public string Field { get; }

    /// <summary>How the values are graded.</summary>
    public FuzzyComparisonKind Kind { get; }

    /// <summary>The Jaro–Winkler thresholds, highest first (the text levels, or the email's fuzzy level); empty for other kinds.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>For <see cref="FuzzyComparisonKind.Date"/>: the "within N years" level; 0 for other kinds.</summary>
    public int WithinYears { get; }

    /// <summary>
    /// Whether the weight of the exact level depends on how common the value is (an exact match on
    /// a rare surname says more than one on "smith"), as Splink's term-frequency adjustment does.
    /// </summary>
    public bool TermFrequencyAdjustment { get; }

    /// <summary>The human labels of the levels: index 0 "null", 1 "exact", then the partial levels, last "else".</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>Values must be equal (after normalization).</summary>
    /// <param name="field">The field name.</param>
    /// <param name="termFrequencyAdjustment">Whether exact matches on rare values weigh more.</param>
    /// <exception cref="ArgumentException"><paramref name="field"/> is empty.</exception>
    public static FuzzyComparison Exact(string field, bool termFrequencyAdjustment = false) =>
        new(field, FuzzyComparisonKind.Exact, [], 0, termFrequencyAdjustment);

    /// <summary>Text graded by Jaro–Winkler similarity: exact, then one level per threshold, then else.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="thresholds">Similarity thresholds in (0, 1), strictly decreasing; null for <see cref="DefaultTextThresholds"/>.</param>
    /// <param name="termFrequencyAdjustment">Whether exact matches on rare values weigh more (default true).</param>
    /// <exception cref="ArgumentException">The field is empty or the thresholds are not strictly decreasing values in (0, 1).</exception>
    public static FuzzyComparison Text(string field, IReadOnlyList<double>? thresholds = null, bool termFrequencyAdjustment = true) =>
        new(field, FuzzyComparisonKind.JaroWinkler, CheckThresholds(thresholds ?? DefaultTextThresholds), 0, termFrequencyAdjustment);

    /// <summary>Dates of birth and other ISO dates: exact, one-character typo or day-month swap, same year-month, within N years, else.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="withinYears">The "within N years" level (at least 1).</param>
    /// <exception cref="ArgumentException">The field is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="withinYears"/> is below 1.</exception>
    public static FuzzyComparison Date(string field, int withinYears = DefaultDateYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(withinYears, 1);
        return new(field, FuzzyComparisonKind.Date, [], withinYears, termFrequency: false);
    }

    /// <summary>Email addresses: exact, same local part (before <c>@</c>), Jaro–Winkler at or above a threshold, else.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="threshold">The Jaro–Winkler threshold of the fuzzy level, in (0, 1).</param>
    /// <exception cref="ArgumentException">The field is empty or the threshold is outside (0, 1).</exception>
    public static FuzzyComparison Email(string field, double threshold = DefaultEmailThreshold) =>
        new(field, FuzzyComparisonKind.Email, CheckThresholds([threshold]), 0, termFrequency: false);

    /// <summary>
    /// The default comparison for a field, inferred from its name: a name containing <c>dob</c>,
    /// <c>date</c> or <c>birth</c> is a <see cref="Date"/>; one containing <c>email</c> or <c>mail</c>
    /// is an <see cref="Email"/>; anything else is <see cref="Text"/> with the default thresholds and
    /// term-frequency adjustment.
    /// </summary>
    /// <param name="field">The field name, e.g. <c>first_name</c>, <c>dob</c>, <c>email</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="field"/> is empty.</exception>
    public static FuzzyComparison ForField(string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        var name = field.ToLowerInvariant();
        if (name.Contains("dob", StringComparison.Ordinal) || name.Contains("date", StringComparison.Ordinal) || name.Contains("birth", StringComparison.Ordinal))
        {
            return Date(field);
        }

        return name.Contains("mail", StringComparison.Ordinal) ? Email(field) : Text(field);
    }

    /// <summary>Grades two raw values (normalized here as the record table would) and returns the level index.</summary>
    /// <param name="left">One value; null or blank is empty.</param>
    /// <param name="right">The other value.</param>
    /// <returns>An index into <see cref="Levels"/>.</returns>
    public int Compare(string? left, string? right)
    {
        var l = FuzzyText.Normalize(left);
        var r = FuzzyText.Normalize(right);
        if (l is null || r is null)
        {
            return NullLevel;
        }

        string[] values = l == r ? [l] : [l, r];
        var grader = LevelGrader.Create(this, values);
        return grader.Level(0, values.Length - 1);
    }

    /// <summary>Rebuilds a comparison from its stored settings (see <see cref="ComparisonModel"/>).</summary>
    internal static FuzzyComparison Restore(string field, FuzzyComparisonKind kind, IReadOnlyList<double> thresholds, int withinYears, bool termFrequency) => kind switch
    {
        FuzzyComparisonKind.Exact => Exact(field, termFrequency),
        FuzzyComparisonKind.JaroWinkler => Text(field, thresholds, termFrequency),
        FuzzyComparisonKind.Date => Date(field, withinYears),
        FuzzyComparisonKind.Email => Email(field, thresholds.Count == 1 ? thresholds[0] : DefaultEmailThreshold),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown comparison kind."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Field} ({Kind}: {string.Join(" / ", Levels)})";

    private static double[] CheckThresholds(IReadOnlyList<double> thresholds)
    {
        for (var i = 0; i < thresholds.Count; i++)
        {
            if (thresholds[i] is <= 0 or >= 1 || double.IsNaN(thresholds[i]) || (i > 0 && thresholds[i] >= thresholds[i - 1]))
            {
                throw new ArgumentException($"Jaro–Winkler thresholds must be strictly decreasing values between 0 and 1 (exclusive); got [{string.Join(", ", thresholds.Select(Format))}].", nameof(thresholds));
            }
        }

        return [.. thresholds];
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private string[] BuildLabels() => Kind switch
    {
        FuzzyComparisonKind.Exact => ["null", "exact", "else"],
        FuzzyComparisonKind.JaroWinkler => ["null", "exact", .. Thresholds.Select(t => $"jaro-winkler ≥ {Format(t)}"), "else"],
        FuzzyComparisonKind.Date => ["null", "exact", "one-character typo or day-month swap", "same year and month", $"within {WithinYears} years", "else"],
        FuzzyComparisonKind.Email => ["null", "exact", "same local part", $"jaro-winkler ≥ {Format(Thresholds[0])}", "else"],
        _ => throw new InvalidOperationException($"Unknown comparison kind {Kind}."),
    };
}
