using System.Runtime.InteropServices;

namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Every candidate pair the blocking rules produce, each once (under the first rule that produces
/// it), graded into comparison vectors. Workers take contiguous shares of the blocks and the
/// shares are kept in block order, so the pairs come out in the same order on any number of cores.
/// </summary>
internal sealed class CandidatePairs
{
    private const int SharesPerWorker = 16;

    private CandidatePairs(PairChunk[] chunks, long skipped)
    {
        Chunks = chunks;
        SkippedPairs = skipped;
        Count = chunks.Sum(c => (long)c.Count);
    }

    public IReadOnlyList<PairChunk> Chunks { get; }

    public long Count { get; }

    /// <summary>Pairs not compared by a rule because their block exceeded the cap (counted per rule).</summary>
    public long SkippedPairs { get; }

    /// <summary>Finds and grades the candidate pairs.</summary>
    /// <param name="index">The blocks.</param>
    /// <param name="comparisons">The comparisons bound to the same table.</param>
    /// <param name="focus">When set, only pairs with at least one row flagged here.</param>
    /// <param name="collectCounts">Whether to count comparison vectors per rule and overall (for training).</param>
    /// <param name="parallelism">Worker count.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    public static CandidatePairs Find(BlockingIndex index, CompiledComparisons comparisons, bool[]? focus, bool collectCounts, int parallelism, CancellationToken cancellationToken)
    {
        var (units, skipped) = WorkUnits(index, focus);
        var shares = Share(units, parallelism * SharesPerWorker);
        var chunks = new PairChunk[shares.Length - 1];
        Parallel.For(
            0,
            chunks.Length,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            s =>
            {
                var chunk = new PairChunk
                {
                    RuleCounts = collectCounts ? [.. index.Rules.Select(_ => new Dictionary<int, long>())] : null,
                    UnionCounts = collectCounts ? [] : null,
                };
                for (var u = shares[s]; u < shares[s + 1]; u++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Scan(index, comparisons, focus, units[u], chunk);
                }

                chunks[s] = chunk;
            });
        return new CandidatePairs(chunks, skipped);
    }

    private static void Scan(BlockingIndex index, CompiledComparisons comparisons, bool[]? focus, WorkUnit unit, PairChunk chunk)
    {
        var members = index[unit.Rule].Members(unit.Block);
        for (var i = 0; i < members.Length; i++)
        {
            var a = members[i];
            var aFocused = focus is null || focus[a];
            for (var j = i + 1; j < members.Length; j++)
            {
                var b = members[j];
                if ((aFocused || focus![b]) && !index.ProducedEarlier(unit.Rule, a, b))
                {
                    var pattern = comparisons.Pattern(a, b);
                    chunk.Add(a, b, pattern);
                    Tally(index, unit.Rule, a, b, pattern, chunk);
                }
            }
        }
    }

    private static void Tally(BlockingIndex index, int rule, int a, int b, int pattern, PairChunk chunk)
    {
        if (chunk.RuleCounts is not { } perRule)
        {
            return;
        }

        for (var r = rule; r < perRule.Length; r++)
        {
            if (r == rule || index.Produces(r, a, b))
            {
                Increment(perRule[r], pattern);
            }
        }

        Increment(chunk.UnionCounts!, pattern);
    }

    private static void Increment(Dictionary<int, long> counts, int pattern) =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts, pattern, out _)++;

    private static (WorkUnit[] Units, long Skipped) WorkUnits(BlockingIndex index, bool[]? focus)
    {
        var units = new List<WorkUnit>();
        long skipped = 0;
        for (var r = 0; r < index.Rules.Count; r++)
        {
            var blocks = index[r];
            for (var b = 0; b < blocks.BlockCount; b++)
            {
                var size = blocks.Size(b);
                if (size < 2)
                {
                    continue;
                }

                long pairs = (long)size * (size - 1) / 2;
                if (focus is not null)
                {
                    var focused = 0;
                    foreach (var row in blocks.Members(b))
                    {
                        focused += focus[row] ? 1 : 0;
                    }

                    pairs = pairs - ((long)(size - focused) * (size - focused - 1) / 2);
                }

                if (pairs == 0)
                {
                    continue;
                }

                if (blocks.IsOversized(b))
                {
                    skipped += pairs;
                    continue;
                }

                units.Add(new WorkUnit(r, b, pairs));
            }
        }

        return ([.. units], skipped);
    }

    /// <summary>Splits the units into contiguous shares of about equal pair counts; returns the share boundaries.</summary>
    private static int[] Share(WorkUnit[] units, int shares)
    {
        var total = units.Sum(u => u.Pairs);
        var target = Math.Max(1, total / shares);
        var bounds = new List<int> { 0 };
        long mass = 0;
        for (var u = 0; u < units.Length; u++)
        {
            mass += units[u].Pairs;
            if (mass >= target && u + 1 < units.Length)
            {
                bounds.Add(u + 1);
                mass = 0;
            }
        }

        bounds.Add(units.Length);
        return [.. bounds];
    }

    private readonly record struct WorkUnit(int Rule, int Block, long Pairs);
}
