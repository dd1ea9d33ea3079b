namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>The candidate pairs one worker found in its share of the blocks, with their encoded comparison vectors.</summary>
internal sealed class PairChunk
{
    private int[] _left = new int[1024];
    private int[] _right = new int[1024];
    private int[] _patterns = new int[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Left => _left.AsSpan(0, Count);

    public ReadOnlySpan<int> Right => _right.AsSpan(0, Count);

    public ReadOnlySpan<int> Patterns => _patterns.AsSpan(0, Count);

    /// <summary>Pattern counts among the pairs each rule produces (null when not collected).</summary>
    public Dictionary<int, long>[]? RuleCounts { get; init; }

    /// <summary>Pattern counts among all pairs (null when not collected).</summary>
    public Dictionary<int, long>? UnionCounts { get; init; }

    public void Add(int left, int right, int pattern)
    {
        if (Count == _left.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _left, size);
            Array.Resize(ref _right, size);
            Array.Resize(ref _patterns, size);
        }

        _left[Count] = left;
        _right[Count] = right;
        _patterns[Count] = pattern;
        Count++;
    }
}
