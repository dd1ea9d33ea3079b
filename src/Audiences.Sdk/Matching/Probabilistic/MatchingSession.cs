namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>A table bound to comparisons and blocked by the rules: what training and scoring both start from.</summary>
internal sealed class MatchingSession
{
    private MatchingSession(FuzzyRecordTable table, ProbabilisticMatchingOptions options, CompiledComparisons comparisons, BlockingIndex index)
    {
        Table = table;
        Options = options;
        Comparisons = comparisons;
        Index = index;
    }

    public FuzzyRecordTable Table { get; }

    public ProbabilisticMatchingOptions Options { get; }

    public CompiledComparisons Comparisons { get; }

    public BlockingIndex Index { get; }

    /// <summary>Binds the options' comparisons (or the given ones) to the table and builds the blocks.</summary>
    /// <exception cref="ArgumentException">The table lacks a compared or blocked field, or has fewer than two rows.</exception>
    public static MatchingSession Open(FuzzyRecordTable table, ProbabilisticMatchingOptions options, CancellationToken cancellationToken, IReadOnlyList<FuzzyComparison>? comparisons = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Count < 2)
        {
            throw new ArgumentException($"The record table has {table.Count} rows; matching needs at least two.", nameof(table));
        }

        var list = comparisons ?? [.. options.Comparisons];
        var rules = options.BlockingRules.Count > 0 ? [.. options.BlockingRules] : BlockingRule.Defaults(list, table);
        foreach (var field in list.Select(c => c.Field).Concat(rules.SelectMany(r => r.Keys).Select(k => k.Field)))
        {
            table.FieldIndex(field);
        }

        var compiled = new CompiledComparisons(table, list);
        var index = new BlockingIndex(table, rules, options.MaxBlockSize, options.Parallelism, cancellationToken);
        return new MatchingSession(table, options, compiled, index);
    }

    /// <summary>The candidate pairs, each once; with <paramref name="focus"/>, only those touching a focused row.</summary>
    public CandidatePairs FindPairs(bool[]? focus, bool collectCounts, CancellationToken cancellationToken) =>
        CandidatePairs.Find(Index, Comparisons, focus, collectCounts, Options.Parallelism, cancellationToken);
}
