namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Expectation-maximisation of the m probabilities and the match share λ over counted comparison
/// vectors, with the u probabilities held fixed (they come from random pairs). Comparisons that are
/// not <c>active</c> (the fields a blocking rule fixes) are left out, since within that rule's
/// pairs they carry no information.
/// </summary>
internal static class ExpectationMaximisation
{
    /// <summary>The floor of m and u, so no level has an infinite weight.</summary>
    public const double MinProbability = 1e-6;

    /// <summary>Runs EM; <paramref name="m"/> is updated in place for the active comparisons when <paramref name="updateM"/> is set (otherwise only λ is estimated).</summary>
    /// <returns>The estimated match share among the counted pairs, the iterations run and whether it converged.</returns>
    public static (double Lambda, int Iterations, bool Converged) Run(
        CompiledComparisons comparisons,
        IReadOnlyDictionary<int, long> counts,
        double[][] m,
        double[][] u,
        bool[] active,
        bool updateM,
        double lambda,
        int maxIterations,
        double tolerance,
        CancellationToken cancellationToken)
    {
        var patterns = counts.Keys.Order().ToArray();
        var levels = patterns.Select(p => Enumerable.Range(0, m.Length).Select(c => comparisons.LevelOf(p, c)).ToArray()).ToArray();
        var weights = patterns.Select(p => (double)counts[p]).ToArray();
        var total = weights.Sum();
        if (total == 0)
        {
            return (lambda, 0, true);
        }

        var next = m.Select(levelsOfComparison => new double[levelsOfComparison.Length]).ToArray();
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var row in next)
            {
                Array.Clear(row);
            }

            double matched = 0;
            for (var p = 0; p < patterns.Length; p++)
            {
                var posterior = Posterior(levels[p], m, u, active, lambda) * weights[p];
                matched += posterior;
                for (var c = 0; c < m.Length; c++)
                {
                    next[c][levels[p][c]] += posterior;
                }
            }

            var change = Math.Abs((matched / total) - lambda);
            lambda = Math.Clamp(matched / total, MinProbability, 1 - MinProbability);
            for (var c = 0; c < m.Length; c++)
            {
                if (active[c] && updateM)
                {
                    change = Math.Max(change, Maximise(next[c], m[c]));
                }
            }

            if (change < tolerance)
            {
                return (lambda, iteration, true);
            }
        }

        return (lambda, maxIterations, false);
    }

    /// <summary>The probability that a pair with these levels is a match, given m, u and the prior λ.</summary>
    public static double Posterior(int[] levels, double[][] m, double[][] u, bool[] active, double lambda)
    {
        double match = lambda;
        var nonMatch = 1 - lambda;
        for (var c = 0; c < levels.Length; c++)
        {
            var level = levels[c];
            if (active[c] && level != FuzzyComparison.NullLevel)
            {
                match *= m[c][level];
                nonMatch *= u[c][level];
            }
        }

        return match / (match + nonMatch);
    }

    /// <summary>New m of one comparison from its expected level counts (null level excluded); returns the largest change.</summary>
    private static double Maximise(double[] expected, double[] m)
    {
        double sum = 0;
        for (var l = 1; l < expected.Length; l++)
        {
            sum += expected[l];
        }

        if (sum <= 0)
        {
            return 0;
        }

        double change = 0;
        for (var l = 1; l < expected.Length; l++)
        {
            var value = Math.Max(expected[l] / sum, MinProbability);
            change = Math.Max(change, Math.Abs(value - m[l]));
            m[l] = value;
        }

        return change;
    }
}
