using System.Globalization;

namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Settings of probabilistic (Fellegi–Sunter) matching: what is compared, how candidate pairs are
/// found, how the model is trained and where the thresholds sit. Call <see cref="Validate"/> (the
/// trainer and scorer do) before use; do not change an instance while a run uses it.
/// </summary>
public sealed class ProbabilisticMatchingOptions
{
    /// <summary>The comparisons, one per field compared; see <see cref="FuzzyComparison.ForField"/>.</summary>
    public IList<FuzzyComparison> Comparisons { get; } = new List<FuzzyComparison>();

    /// <summary>The blocking rules; empty (the default) means <see cref="BlockingRule.Defaults"/> of the comparisons and the table.</summary>
    public IList<BlockingRule> BlockingRules { get; } = new List<BlockingRule>();

    /// <summary>The match probability at or above which a pair is the same record (and joins a cluster). Default 0.95.</summary>
    public double MatchThreshold { get; set; } = 0.95;

    /// <summary>The match probability at or above which a pair below <see cref="MatchThreshold"/> goes to human review. Default 0.5.</summary>
    public double ReviewThreshold { get; set; } = 0.5;

    /// <summary>The most expectation-maximisation iterations per blocking rule. Default 50.</summary>
    public int MaxEmIterations { get; set; } = 50;

    /// <summary>EM stops when no probability moves by more than this between iterations. Default 0.0001.</summary>
    public double EmConvergenceTolerance { get; set; } = 1e-4;

    /// <summary>How many random pairs estimate the u probabilities (all pairs when the table has fewer). Default 1,000,000.</summary>
    public int RandomPairSampleSize { get; set; } = 1_000_000;

    /// <summary>The seed of the random pair sample; the same seed and table give the same model. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// The most records one block may hold: a block with more (a default value, a very common name)
    /// is skipped by its rule, and its pairs are counted in <see cref="FuzzyScoringStatistics.SkippedPairs"/>.
    /// Default 1,000 (at most 499,500 pairs per block).
    /// </summary>
    public int MaxBlockSize { get; set; } = 1_000;

    /// <summary>How many threads score pairs; null (the default) uses every core. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>
    /// Options with the default comparison of each field (<see cref="FuzzyComparison.ForField"/>) and
    /// default blocking. When the fields hold exactly one first-name field (its name contains
    /// <c>first</c>, <c>given</c> or <c>forename</c>) and one surname field (<c>surname</c>,
    /// <c>last</c> or <c>family</c>), each is compared with the other as its swap field, since the
    /// two are often entered the wrong way round.
    /// </summary>
    /// <param name="fields">The fields to compare, e.g. <c>first_name</c>, <c>surname</c>, <c>dob</c>, <c>city</c>.</param>
    /// <exception cref="ArgumentException">A field is blank.</exception>
    public static ProbabilisticMatchingOptions ForFields(params IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var list = fields.ToArray();
        var first = Single(list, "first", "given", "forename");
        var last = Single(list, "surname", "last", "family");
        var options = new ProbabilisticMatchingOptions();
        foreach (var field in list)
        {
            var swap = first is not null && last is not null && first != last ? (field == first ? last : field == last ? first : null) : null;
            options.Comparisons.Add(swap is null ? FuzzyComparison.ForField(field) : FuzzyComparison.Text(field, swapField: swap));
        }

        return options;
    }

    private static string? Single(string[] fields, params string[] words)
    {
        var found = fields.Where(f => words.Any(w => f.Contains(w, StringComparison.OrdinalIgnoreCase))).ToArray();
        return found.Length == 1 && FuzzyComparison.ForField(found[0]).Kind == FuzzyComparisonKind.JaroWinkler ? found[0] : null;
    }

    /// <summary>
    /// The blocking rules a run over <paramref name="table"/> uses: <see cref="BlockingRules"/>, or
    /// when it is empty <see cref="BlockingRule.Defaults"/> of the comparisons and the table.
    /// </summary>
    /// <param name="table">The table to be matched; null gives the defaults that do not depend on the data.</param>
    internal IReadOnlyList<BlockingRule> EffectiveBlockingRules(FuzzyRecordTable? table = null) =>
        BlockingRules.Count > 0 ? [.. BlockingRules] : BlockingRule.Defaults([.. Comparisons], table);

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names each wrong setting and its allowed range.</exception>
    public void Validate()
    {
        var failures = new List<string>();
        if (Comparisons.Count == 0)
        {
            failures.Add("Comparisons is empty; add at least one, e.g. FuzzyComparison.ForField(\"surname\").");
        }

        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var comparison in Comparisons)
        {
            if (comparison is null || !fields.Add(comparison.Field))
            {
                failures.Add($"Comparisons holds a null entry or compares field '{comparison?.Field}' twice; compare each field once.");
            }
        }

        foreach (var rule in EffectiveBlockingRules())
        {
            foreach (var key in rule.Keys.Where(k => !fields.Contains(k.Field)))
            {
                failures.Add($"BlockingRules: rule '{rule}' uses field '{key.Field}', which no comparison names; block only on compared fields.");
            }
        }

        Check(failures, MatchThreshold is > 0 and < 1, $"MatchThreshold is {Format(MatchThreshold)}; use a probability between 0 and 1 (exclusive), e.g. 0.95.");
        Check(failures, ReviewThreshold is > 0 and < 1 && ReviewThreshold <= MatchThreshold, $"ReviewThreshold is {Format(ReviewThreshold)}; use a probability above 0 and at most MatchThreshold ({Format(MatchThreshold)}), e.g. 0.5.");
        Check(failures, MaxEmIterations >= 1, $"MaxEmIterations is {MaxEmIterations}; use at least 1, e.g. 50.");
        Check(failures, EmConvergenceTolerance is > 0 and < 1, $"EmConvergenceTolerance is {Format(EmConvergenceTolerance)}; use a small positive number below 1, e.g. 0.0001.");
        Check(failures, RandomPairSampleSize >= 1_000, $"RandomPairSampleSize is {RandomPairSampleSize}; use at least 1,000 (default 1,000,000).");
        Check(failures, MaxBlockSize >= 2, $"MaxBlockSize is {MaxBlockSize}; use at least 2 (default 1,000).");
        Check(failures, MaxDegreeOfParallelism is null or >= 1, $"MaxDegreeOfParallelism is {MaxDegreeOfParallelism}; use at least 1, or null for every core.");
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid ProbabilisticMatchingOptions: " + string.Join(" ", failures));
        }
    }

    internal int Parallelism => MaxDegreeOfParallelism ?? Environment.ProcessorCount;

    private static void Check(List<string> failures, bool valid, string message)
    {
        if (!valid)
        {
            failures.Add(message);
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
