namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>A comparison's settings and the trained parameters of each of its levels.</summary>
internal sealed record ComparisonModel
{
    /// <summary>The compared field.</summary>
    public required string Field { get; init; }

    /// <summary>The comparison kind.</summary>
    public required FuzzyComparisonKind Kind { get; init; }

    /// <summary>The Jaro–Winkler thresholds (see <see cref="FuzzyComparison.Thresholds"/>).</summary>
    public IReadOnlyList<double> Thresholds { get; init; } = [];

    /// <summary>The "within N years" levels of a date comparison; empty for other kinds.</summary>
    public IReadOnlyList<int> WithinYears { get; init; } = [];

    /// <summary>The field whose swapped values earn the "swapped" level; null for none.</summary>
    public string? SwapField { get; init; }

    /// <summary>Whether exact matches are weighted by how rare the value is.</summary>
    public bool TermFrequencyAdjustment { get; init; }

    /// <summary>The levels in the order of <see cref="FuzzyComparison.Levels"/>.</summary>
    public required IReadOnlyList<LevelModel> Levels { get; init; }

    /// <summary>The comparison these parameters belong to.</summary>
    /// <exception cref="ArgumentException">The stored settings do not describe a valid comparison.</exception>
    public FuzzyComparison ToComparison() => FuzzyComparison.Restore(Field, Kind, Thresholds, WithinYears, TermFrequencyAdjustment, SwapField);
}
