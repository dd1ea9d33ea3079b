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

    /// <summary>The "within N years" levels of <see cref="Date"/> when none are given: 1 and 10 years.</summary>
    public static readonly IReadOnlyList<int> DefaultDateYears = [1, 10];

    /// <summary>The index of the "null" level (either side empty) in <see cref="Levels"/>: always 0.</summary>
    public const int NullLevel = 0;

    /// <summary>The index of the "exact" level in <see cref="Levels"/>: always 1.</summary>
    public const int ExactLevel = 1;

    /// <summary>The index of the "swapped" level when <see cref="SwapField"/> is set: 2.</summary>
    public const int SwappedLevel = 2;

    private FuzzyComparison(string field, FuzzyComparisonKind kind, double[] thresholds, int[] years, bool termFrequency, string? swapField = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        if (swapField is not null && (string.IsNullOrWhiteSpace(swapField) || swapField == field))
        {
            throw new ArgumentException($"Comparison of '{field}': the swap field must name another field.", nameof(swapField));
        }

        Field = field;
        Kind = kind;
        Thresholds = thresholds;
        WithinYears = years;
        TermFrequencyAdjustment = termFrequency;
        SwapField = swapField;
        Levels = BuildLabels();
    }

    /// <summary>The field of the record table this comparison reads.</summary>
    public string Field { get; }

    /// <summary>How the values are graded.</summary>
    public FuzzyComparisonKind Kind { get; }

    /// <summary>The Jaro–Winkler thresholds, highest first (the text levels, or the email's fuzzy level); empty for other kinds.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>For <see cref="FuzzyComparisonKind.Date"/>: the "within N years" levels, smallest first; empty for other kinds.</summary>
    public IReadOnlyList<int> WithinYears { get; }

    /// <summary>
    /// For <see cref="FuzzyComparisonKind.JaroWinkler"/>: another field whose values are often
    /// swapped with this one (a first name typed as the surname); when one record's value equals the
    /// other record's value of that field, the pair gets the "swapped" level (index 2). Null for none.
    /// </summary>
    public string? SwapField { get; }

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
        new(field, FuzzyComparisonKind.Exact, [], [], termFrequencyAdjustment);

    /// <summary>Text graded by Jaro–Winkler similarity: exact, then one level per threshold, then else.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="thresholds">Similarity thresholds in (0, 1), strictly decreasing; null for <see cref="DefaultTextThresholds"/>.</param>
    /// <param name="termFrequencyAdjustment">Whether exact matches on rare values weigh more (default true).</param>
    /// <param name="swapField">Another field often swapped with this one (see <see cref="SwapField"/>); null for none.</param>
    /// <exception cref="ArgumentException">The field is empty, the swap field is this field, or the thresholds are not strictly decreasing values in (0, 1).</exception>
    public static FuzzyComparison Text(string field, IReadOnlyList<double>? thresholds = null, bool termFrequencyAdjustment = true, string? swapField = null) =>
        new(field, FuzzyComparisonKind.JaroWinkler, CheckThresholds(thresholds ?? DefaultTextThresholds), [], termFrequencyAdjustment, swapField);

    /// <summary>Dates of birth and other ISO dates: exact, one-character typo or day-month swap, same year-month, one level per "within N years", else.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="withinYears">The "within N years" levels, strictly increasing, each at least 1; null for <see cref="DefaultDateYears"/>.</param>
    /// <exception cref="ArgumentException">The field is empty or the years are not strictly increasing values of at least 1.</exception>
    public static FuzzyComparison Date(string field, IReadOnlyList<int>? withinYears = null)
    {
        var years = withinYears ?? DefaultDateYears;
        for (var i = 0; i < years.Count; i++)
        {
            if (years[i] < 1 || (i > 0 && years[i] <= years[i - 1]))
            {
                throw new ArgumentException($"Date comparison of '{field}': the years must be strictly increasing whole numbers of at least 1; got [{string.Join(", ", years)}].", nameof(withinYears));
            }
        }

        return new(field, FuzzyComparisonKind.Date, [], [.. years], termFrequency: false);
    }

    /// <summary>Email addresses: exact, same local part (before <c>@</c>), local part and domain each at or above a Jaro–Winkler threshold, else.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="threshold">The Jaro–Winkler threshold of the fuzzy level, in (0, 1).</param>
    /// <exception cref="ArgumentException">The field is empty or the threshold is outside (0, 1).</exception>
    public static FuzzyComparison Email(string field, double threshold = DefaultEmailThreshold) =>
        new(field, FuzzyComparisonKind.Email, CheckThresholds([threshold]), [], termFrequency: false);

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

    /// <summary>
    /// Grades two raw values (normalized here as the record table would) and returns the level index.
    /// The "swapped" level needs the other field, so it never comes from here.
    /// </summary>
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
    internal static FuzzyComparison Restore(string field, FuzzyComparisonKind kind, IReadOnlyList<double> thresholds, IReadOnlyList<int> withinYears, bool termFrequency, string? swapField) => kind switch
    {
        FuzzyComparisonKind.Exact => Exact(field, termFrequency),
        FuzzyComparisonKind.JaroWinkler => Text(field, thresholds, termFrequency, swapField),
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
        FuzzyComparisonKind.JaroWinkler => ["null", "exact", .. SwapField is null ? Array.Empty<string>() : [$"swapped with {SwapField}"], .. Thresholds.Select(t => $"jaro-winkler ≥ {Format(t)}"), "else"],
        FuzzyComparisonKind.Date => ["null", "exact", "one-character typo or day-month swap", "same year and month", .. WithinYears.Select(y => y == 1 ? "within 1 year" : $"within {y} years"), "else"],
        FuzzyComparisonKind.Email => ["null", "exact", "same local part", $"local part and domain jaro-winkler ≥ {Format(Thresholds[0])}", "else"],
        _ => throw new InvalidOperationException($"Unknown comparison kind {Kind}."),
    };
}
