namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>Grades <see cref="FuzzyComparisonKind.JaroWinkler"/>: exact, then the first threshold the similarity reaches, else.</summary>
internal sealed class TextGrader(IReadOnlyList<string> values, IReadOnlyList<double> thresholds, int firstFuzzyLevel) : LevelGrader
{
    private readonly double[] _thresholds = [.. thresholds];

    public override int Level(int left, int right)
    {
        if (left == right)
        {
            return FuzzyComparison.ExactLevel;
        }

        var similarity = JaroWinkler.Similarity(values[left], values[right]);
        var level = firstFuzzyLevel;
        foreach (var threshold in _thresholds)
        {
            if (similarity >= threshold)
            {
                return level;
            }

            level++;
        }

        return level;
    }
}
