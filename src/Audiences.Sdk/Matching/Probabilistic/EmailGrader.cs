namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Grades <see cref="FuzzyComparisonKind.Email"/>: exact; same local part (before the last <c>@</c>);
/// local part and domain each at or above the Jaro–Winkler threshold; else.
/// </summary>
/// <remarks>
/// The fuzzy level asks for both halves to be similar rather than the whole address, because local
/// parts are usually made of the person's name: two different people called Ada Smith have similar
/// whole addresses (<c>ada.smith12@a.com</c>, <c>adasmith7@b.org</c>) far more often than random
/// pairs do, and that would count the name twice. A typo or two inside either half still qualifies.
/// </remarks>
internal sealed class EmailGrader : LevelGrader
{
    private readonly string[] _localParts;
    private readonly string[] _domains;
    private readonly double _threshold;

    public EmailGrader(IReadOnlyList<string> values, double threshold)
    {
        _threshold = threshold;
        _localParts = new string[values.Count];
        _domains = new string[values.Count];
        for (var i = 0; i < _localParts.Length; i++)
        {
            var value = values[i];
            var at = value.LastIndexOf('@');
            _localParts[i] = at > 0 ? value[..at] : value;
            _domains[i] = at > 0 ? value[(at + 1)..] : string.Empty;
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

        return JaroWinkler.Similarity(_localParts[left], _localParts[right]) >= _threshold
            && JaroWinkler.Similarity(_domains[left], _domains[right]) >= _threshold ? 3 : 4;
    }
}
