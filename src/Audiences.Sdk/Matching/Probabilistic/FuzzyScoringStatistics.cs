namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>What a scoring (or deduplication) run did and how long each stage took.</summary>
internal sealed record FuzzyScoringStatistics
{
    /// <summary>The rows in the table.</summary>
    public int Records { get; init; }

    /// <summary>The candidate pairs compared (each once, however many rules produced it).</summary>
    public long ComparedPairs { get; init; }

    /// <summary>
    /// Pairs a rule did not compare because their block held more than
    /// <see cref="ProbabilisticMatchingOptions.MaxBlockSize"/> records, summed over rules (another rule may still have compared them).
    /// </summary>
    public long SkippedPairs { get; init; }

    /// <summary>Building the blocks of every rule.</summary>
    public TimeSpan Blocking { get; init; }

    /// <summary>Finding and grading the candidate pairs.</summary>
    public TimeSpan Comparing { get; init; }

    /// <summary>Estimating u from random pairs and m and λ by EM (zero when scoring with a stored model).</summary>
    public TimeSpan Training { get; init; }

    /// <summary>Weighing the graded pairs and keeping those above the minimum probability.</summary>
    public TimeSpan Scoring { get; init; }

    /// <summary>Joining matched pairs into clusters (zero when not clustered).</summary>
    public TimeSpan Clustering { get; init; }
}
