namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Turns graded candidate pairs into <see cref="ScoredPair"/>s with a model: the prior plus each
/// level's weight, where an exact match on a term-frequency-adjusted field weighs log2(m / tf) with
/// tf the value's share of the table's non-empty values. Workers weigh the chunks in parallel; the
/// result is sorted by row pair, so it does not depend on the number of cores.
/// </summary>
internal sealed class PairWeigher
{
    private readonly MatchingSession _session;
    private readonly double _prior;
    private readonly double[][] _weights;
    private readonly double[]?[] _exactByValue;

    public PairWeigher(MatchingSession session, ProbabilisticModel model)
    {
        _session = session;
        _prior = model.PriorWeight;
        _weights = [.. model.Comparisons.Select(c => c.Levels.Select(l => l.Weight).ToArray())];
        _exactByValue = new double[]?[model.Comparisons.Count];
        for (var c = 0; c < model.Comparisons.Count; c++)
        {
            var comparison = model.Comparisons[c];
            if (comparison.TermFrequencyAdjustment)
            {
                var column = session.Comparisons.Column(c);
                var m = comparison.Levels[FuzzyComparison.ExactLevel].M;
                _exactByValue[c] = [.. column.Counts.Select(count => Math.Log2(m * column.NonEmptyRows / count))];
            }
        }
    }

    public IReadOnlyList<ScoredPair> Weigh(CandidatePairs pairs, double minimumProbability, CancellationToken cancellationToken)
    {
        var minimumWeight = ProbabilisticModel.ToMatchWeight(minimumProbability);
        var kept = new List<(long Key, int Pattern)>[pairs.Chunks.Count];
        Parallel.For(
            0,
            pairs.Chunks.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _session.Options.Parallelism, CancellationToken = cancellationToken },
            i =>
            {
                var chunk = pairs.Chunks[i];
                var list = new List<(long, int)>();
                for (var p = 0; p < chunk.Count; p++)
                {
                    if (Weight(chunk.Left[p], chunk.Right[p], chunk.Patterns[p]) >= minimumWeight)
                    {
                        list.Add((((long)chunk.Left[p] << 32) | (uint)chunk.Right[p], chunk.Patterns[p]));
                    }
                }

                kept[i] = list;
            });

        var all = kept.SelectMany(k => k).ToArray();
        Array.Sort(all, (x, y) => x.Key.CompareTo(y.Key));
        var result = new ScoredPair[all.Length];
        Parallel.For(
            0,
            all.Length,
            new ParallelOptions { MaxDegreeOfParallelism = _session.Options.Parallelism, CancellationToken = cancellationToken },
            i => result[i] = Explain((int)(all[i].Key >> 32), (int)all[i].Key, all[i].Pattern));
        return result;
    }

    private double Weight(int left, int right, int pattern)
    {
        var weight = _prior;
        for (var c = 0; c < _weights.Length; c++)
        {
            weight += LevelWeight(c, left, _session.Comparisons.LevelOf(pattern, c));
        }

        return weight;
    }

    private double LevelWeight(int comparison, int left, int level) =>
        level == FuzzyComparison.ExactLevel && _exactByValue[comparison] is { } byValue
            ? byValue[_session.Comparisons.Column(comparison).Code(left)]
            : _weights[comparison][level];

    private ScoredPair Explain(int left, int right, int pattern)
    {
        var compiled = _session.Comparisons;
        var contributions = new FieldContribution[_weights.Length];
        var total = _prior;
        for (var c = 0; c < contributions.Length; c++)
        {
            var level = compiled.LevelOf(pattern, c);
            var weight = LevelWeight(c, left, level);
            total += weight;
            var column = compiled.Column(c);
            contributions[c] = new FieldContribution(compiled.Comparisons[c].Field, compiled.Comparisons[c].Levels[level], weight, Value(column, left), Value(column, right));
        }

        var table = _session.Table;
        return new ScoredPair(table.GetId(left), table.GetId(right), total, ProbabilisticModel.ToProbability(total), contributions);
    }

    private static string? Value(FuzzyColumn column, int row)
    {
        var code = column.Code(row);
        return code < 0 ? null : column.Values[code];
    }
}
