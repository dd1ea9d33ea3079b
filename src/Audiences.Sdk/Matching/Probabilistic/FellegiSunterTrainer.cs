namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Trains a <see cref="ProbabilisticModel"/> without labels, as Splink does: u probabilities from
/// random pairs (seeded, so repeatable), then m probabilities and λ by expectation-maximisation over
/// the pairs of each blocking rule, leaving out the comparisons of that rule's own fields; the m of
/// a comparison is the mean of its estimates over the rules that do not fix it. Finally λ is
/// re-estimated over all candidate pairs with the full model and scaled to all pairs of the table.
/// Thread-safe: one trainer may train several tables at once.
/// </summary>
internal sealed class FellegiSunterTrainer
{
    private readonly ProbabilisticMatchingOptions _options;

    /// <summary>Creates a trainer.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public FellegiSunterTrainer(ProbabilisticMatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Trains a model on a table.</summary>
    /// <param name="table">The records; it must have every compared field and at least two rows.</param>
    /// <param name="cancellationToken">Stops training.</param>
    /// <exception cref="ArgumentException">The table lacks a compared field or has fewer than two rows.</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public ProbabilisticModel Train(FuzzyRecordTable table, CancellationToken cancellationToken = default)
    {
        var session = MatchingSession.Open(table, _options, cancellationToken);
        var pairs = session.FindPairs(null, collectCounts: true, cancellationToken);
        return Fit(session, pairs, cancellationToken);
    }

    /// <summary>Fits the model from the candidate pairs of a session (with counts collected).</summary>
    internal ProbabilisticModel Fit(MatchingSession session, CandidatePairs pairs, CancellationToken cancellationToken)
    {
        var compiled = session.Comparisons;
        var (uCounts, randomPairs) = RandomPairSampler.Count(compiled, session.Table.Count, _options.RandomPairSampleSize, _options.Seed, _options.Parallelism, cancellationToken);
        var u = uCounts.Select(Normalize).ToArray();

        var sums = compiled.Comparisons.Select(c => new double[c.Levels.Count]).ToArray();
        var estimates = new int[compiled.Count];
        var iterations = 0;
        var converged = true;
        var ruleCounts = MergeRuleCounts(pairs, session.Index.Rules.Count);
        for (var r = 0; r < ruleCounts.Length; r++)
        {
            if (ruleCounts[r].Count == 0)
            {
                continue;
            }

            var fixedFields = session.Index.Rules[r].Keys.Select(k => k.Field).ToHashSet(StringComparer.Ordinal);
            var active = compiled.Comparisons.Select(c => !fixedFields.Contains(c.Field)).ToArray();
            var m = compiled.Comparisons.Select(InitialM).ToArray();
            var result = ExpectationMaximisation.Run(compiled, ruleCounts[r], m, u, active, updateM: true, 0.3, _options.MaxEmIterations, _options.EmConvergenceTolerance, cancellationToken);
            iterations = Math.Max(iterations, result.Iterations);
            converged &= result.Converged;
            for (var c = 0; c < compiled.Count; c++)
            {
                if (active[c])
                {
                    estimates[c]++;
                    for (var l = 0; l < m[c].Length; l++)
                    {
                        sums[c][l] += m[c][l];
                    }
                }
            }
        }

        var mean = compiled.Comparisons.Select((c, i) => estimates[i] == 0 ? InitialM(c) : sums[i].Select(s => s / estimates[i]).ToArray()).ToArray();
        var lambda = EstimateLambda(session, pairs, mean, u, cancellationToken);
        return Build(compiled, mean, u, lambda, pairs.Count, randomPairs, iterations, converged);
    }

    /// <summary>
    /// λ over the candidate pairs by EM with m and u fixed, scaled to all pairs of the table
    /// (the blocking rules are assumed to find nearly every true match).
    /// </summary>
    private double EstimateLambda(MatchingSession session, CandidatePairs pairs, double[][] m, double[][] u, CancellationToken cancellationToken)
    {
        var union = new Dictionary<int, long>();
        foreach (var chunk in pairs.Chunks)
        {
            foreach (var (pattern, count) in chunk.UnionCounts!)
            {
                union[pattern] = union.GetValueOrDefault(pattern) + count;
            }
        }

        var allPairs = (double)session.Table.Count * (session.Table.Count - 1) / 2;
        if (pairs.Count == 0 || allPairs == 0)
        {
            return ExpectationMaximisation.MinProbability;
        }

        var all = Enumerable.Repeat(true, m.Length).ToArray();
        var (share, _, _) = ExpectationMaximisation.Run(session.Comparisons, union, m, u, all, updateM: false, 0.3, _options.MaxEmIterations * 4, _options.EmConvergenceTolerance / 10, cancellationToken);
        return Math.Clamp(share * pairs.Count / allPairs, ExpectationMaximisation.MinProbability / 1000, 0.5);
    }

    private static Dictionary<int, long>[] MergeRuleCounts(CandidatePairs pairs, int rules)
    {
        var merged = Enumerable.Range(0, rules).Select(_ => new Dictionary<int, long>()).ToArray();
        foreach (var chunk in pairs.Chunks)
        {
            for (var r = 0; r < rules; r++)
            {
                foreach (var (pattern, count) in chunk.RuleCounts![r])
                {
                    merged[r][pattern] = merged[r].GetValueOrDefault(pattern) + count;
                }
            }
        }

        return merged;
    }

    /// <summary>u per level from counts: the share among non-null pairs, floored; the null level is 1.</summary>
    private static double[] Normalize(long[] counts)
    {
        var nonNull = counts.Skip(1).Sum();
        return [1.0, .. counts.Skip(1).Select(c => nonNull == 0 ? 1.0 / (counts.Length - 1) : Math.Max((double)c / nonNull, ExpectationMaximisation.MinProbability))];
    }

    /// <summary>The starting m: most matches agree exactly, few fall to "else".</summary>
    private static double[] InitialM(FuzzyComparison comparison)
    {
        var levels = comparison.Levels.Count;
        var m = new double[levels];
        m[FuzzyComparison.NullLevel] = 1.0;
        if (levels == 3)
        {
            m[1] = 0.9;
            m[2] = 0.1;
            return m;
        }

        m[1] = 0.7;
        m[levels - 1] = 0.05;
        for (var l = 2; l < levels - 1; l++)
        {
            m[l] = 0.25 / (levels - 3);
        }

        return m;
    }

    private static ProbabilisticModel Build(CompiledComparisons compiled, double[][] m, double[][] u, double lambda, long trainingPairs, long randomPairs, int iterations, bool converged) => new()
    {
        Lambda = lambda,
        TrainingPairs = trainingPairs,
        RandomPairs = randomPairs,
        EmIterations = iterations,
        Converged = converged,
        Comparisons = [.. compiled.Comparisons.Select((c, i) => new ComparisonModel
        {
            Field = c.Field,
            Kind = c.Kind,
            Thresholds = c.Thresholds,
            WithinYears = c.WithinYears,
            SwapField = c.SwapField,
            TermFrequencyAdjustment = c.TermFrequencyAdjustment,
            Levels = [.. c.Levels.Select((label, l) => l == FuzzyComparison.NullLevel
                ? new LevelModel(label, 1, 1, 0)
                : new LevelModel(label, m[i][l], u[i][l], Math.Log2(m[i][l] / u[i][l])))],
        })],
    };
}
