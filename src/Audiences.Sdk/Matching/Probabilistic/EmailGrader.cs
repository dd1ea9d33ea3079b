namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>Grades <see cref="FuzzyComparisonKind.Email"/>: exact, same local part, Jaro–Winkler at or above the threshold, else.</summary>
internal sealed class EmailGrader : LevelGrader
{
    private readonly IReadOnlyList<string> _values;
    private readonly string[] _localParts;
    private readonly double _threshold;

    public EmailGrader(IReadOnlyList<string> values, double threshold)
    {
        _values = values;
        _threshold = threshold;
        _localParts = new string[values.Count];
        for (var i = 0; i < _localParts.Length; i++)
        {
            var value = values[i];
            var at = value.LastIndexOf('@');
            _localParts[i] = at > 0 ? value[..at] : value;
        }
    }

    public override int Level(int left, int right)
    {
        if (left == right)
        {
            return FuzzyComparison.ExactLevel;
        }

        if (string.Equals(_localParts[left], _localParts[right], StringComparison.Ordinal))
        {
            return 2;
        }

        return JaroWinkler.Similarity(_values[left], _values[right]) >= _threshold ? 3 : 4;
    }
}
