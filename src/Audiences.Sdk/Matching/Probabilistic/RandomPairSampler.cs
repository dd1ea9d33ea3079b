namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Estimates the u probabilities (how often each level occurs between records that are not the
/// same) from random pairs, which are nearly all non-matches. When the table has no more pairs than
/// the sample size, every pair is used. The sample is split into fixed shares, each with its own
/// seeded generator, so the counts do not depend on the number of cores.
/// </summary>
internal static class RandomPairSampler
{
    private const int Shares = 64;

    /// <summary>Counts levels per comparison over the sample; returns the counts and the number of pairs.</summary>
    public static (long[][] Counts, long Pairs) Count(CompiledComparisons comparisons, int rows, int sampleSize, int seed, int parallelism, CancellationToken cancellationToken)
    {
        var allPairs = (long)rows * (rows - 1) / 2;
        var exhaustive = allPairs <= sampleSize;
        var shares = new long[Shares][][];
        Parallel.For(
            0,
            Shares,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            s =>
            {
                var counts = comparisons.Comparisons.Select(c => new long[c.Levels.Count]).ToArray();
                if (exhaustive)
                {
                    // Rows s, s + Shares, … start the pairs of this share.
                    for (var a = s; a < rows; a += Shares)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        for (var b = a + 1; b < rows; b++)
                        {
                            Tally(comparisons, a, b, counts);
                        }
                    }
                }
                else
                {
                    var random = new Random(unchecked((seed * 7919) + (s * 104_729)));
                    var pairs = (sampleSize / Shares) + (s < sampleSize % Shares ? 1 : 0);
                    for (var p = 0; p < pairs; p++)
                    {
                        if ((p & 4095) == 0)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                        }

#pragma warning disable CA5394 // Sampling, not security: a seeded generator makes training repeatable.
                        var a = random.Next(rows);
                        var b = random.Next(rows - 1);
#pragma warning restore CA5394
                        Tally(comparisons, a, b >= a ? b + 1 : b, counts);
                    }
                }

                shares[s] = counts;
            });

        var total = comparisons.Comparisons.Select(c => new long[c.Levels.Count]).ToArray();
        foreach (var share in shares)
        {
            for (var c = 0; c < total.Length; c++)
            {
                for (var l = 0; l < total[c].Length; l++)
                {
                    total[c][l] += share[c][l];
                }
            }
        }

        return (total, exhaustive ? allPairs : sampleSize);
    }

    private static void Tally(CompiledComparisons comparisons, int a, int b, long[][] counts)
    {
        for (var c = 0; c < counts.Length; c++)
        {
            counts[c][comparisons.Level(c, a, b)]++;
        }
    }
}
