namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// The blocks of every rule over one table: per rule, each row's block key (-1 when a key field is
/// empty) and the rows of each block. A block larger than the cap is marked oversized and yields no
/// pairs. Built in parallel, one rule per task; thread-safe once built.
/// </summary>
internal sealed class BlockingIndex
{
    private readonly RuleBlocks[] _rules;

    public BlockingIndex(FuzzyRecordTable table, IReadOnlyList<BlockingRule> rules, int maxBlockSize, int parallelism, CancellationToken cancellationToken)
    {
        _rules = new RuleBlocks[rules.Count];
        Parallel.For(
            0,
            rules.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            r => _rules[r] = RuleBlocks.Build(table, rules[r], maxBlockSize));
        Rules = rules;
    }

    public IReadOnlyList<BlockingRule> Rules { get; }

    public RuleBlocks this[int rule] => _rules[rule];

    /// <summary>Whether rule <paramref name="rule"/> produces the pair: both rows share a key whose block is not oversized.</summary>
    public bool Produces(int rule, int left, int right)
    {
        var blocks = _rules[rule];
        var key = blocks.Keys[left];
        return key >= 0 && key == blocks.Keys[right] && !blocks.IsOversized(key);
    }

    /// <summary>Whether a rule before <paramref name="rule"/> already produces the pair.</summary>
    public bool ProducedEarlier(int rule, int left, int right)
    {
        for (var earlier = 0; earlier < rule; earlier++)
        {
            if (Produces(earlier, left, right))
            {
                return true;
            }
        }

        return false;
    }
}
