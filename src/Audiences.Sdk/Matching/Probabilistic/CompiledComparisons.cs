namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// The comparisons bound to the columns of one table: grades a pair of rows into a comparison
/// vector, encoded as one integer (mixed radix, one digit per comparison) so vectors can be counted
/// and looked up cheaply. Thread-safe.
/// </summary>
internal sealed class CompiledComparisons
{
    private readonly LevelGrader[] _graders;
    private readonly FuzzyColumn[] _columns;
    private readonly int[] _radix;
    private readonly (FuzzyColumn Other, int[] Map)?[] _swaps;

    public CompiledComparisons(FuzzyRecordTable table, IReadOnlyList<FuzzyComparison> comparisons)
    {
        Comparisons = comparisons;
        _columns = [.. comparisons.Select(c => table.Column(table.FieldIndex(c.Field)))];
        _graders = [.. comparisons.Select((c, i) => LevelGrader.Create(c, _columns[i].Values))];
        _swaps = [.. comparisons.Select((c, i) => c.SwapField is null ? ((FuzzyColumn, int[])?)null : Swap(_columns[i], table.Column(table.FieldIndex(c.SwapField))))];
        _radix = new int[comparisons.Count];
        long radix = 1;
        for (var i = 0; i < comparisons.Count; i++)
        {
            _radix[i] = (int)radix;
            radix *= comparisons[i].Levels.Count;
            if (radix > int.MaxValue)
            {
                throw new ArgumentException($"The {comparisons.Count} comparisons have too many level combinations ({radix:N0}); use fewer comparisons or levels.", nameof(comparisons));
            }
        }

        PatternCount = (int)radix;
    }

    public IReadOnlyList<FuzzyComparison> Comparisons { get; }

    /// <summary>How many distinct comparison vectors there can be.</summary>
    public int PatternCount { get; }

    public int Count => _graders.Length;

    public FuzzyColumn Column(int comparison) => _columns[comparison];

    /// <summary>The level of one comparison for two rows.</summary>
    public int Level(int comparison, int left, int right)
    {
        var column = _columns[comparison];
        var a = column.Code(left);
        var b = column.Code(right);
        if (a >= 0 && b >= 0 && a != b && _swaps[comparison] is var (other, map)
            && ((map[a] >= 0 && map[a] == other.Code(right)) || (map[b] >= 0 && map[b] == other.Code(left))))
        {
            return FuzzyComparison.SwappedLevel;
        }

        return _graders[comparison].Grade(a, b);
    }

    /// <summary>For each value of a column, the code of the same value in the swap column (-1 when absent).</summary>
    private static (FuzzyColumn, int[]) Swap(FuzzyColumn column, FuzzyColumn other) =>
        (other, [.. column.Values.Select(other.Find)]);

    /// <summary>The comparison vector of two rows, encoded.</summary>
    public int Pattern(int left, int right)
    {
        var pattern = 0;
        for (var c = 0; c < _graders.Length; c++)
        {
            pattern += Level(c, left, right) * _radix[c];
        }

        return pattern;
    }

    /// <summary>The level of one comparison in an encoded vector.</summary>
    public int LevelOf(int pattern, int comparison) => pattern / _radix[comparison] % Comparisons[comparison].Levels.Count;
}
