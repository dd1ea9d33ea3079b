namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Scores the candidate pairs of a table with a trained (or stored) model. Thread-safe: one scorer
/// may score several tables at once.
/// </summary>
internal sealed class FuzzyPairScorer
{
    private readonly ProbabilisticModel _model;
    private readonly ProbabilisticMatchingOptions _options;
    private readonly FuzzyComparison[] _comparisons;

    /// <summary>Creates a scorer.</summary>
    /// <param name="model">The model; its comparisons decide what is compared.</param>
    /// <param name="options">Blocking rules, block cap, thresholds and parallelism; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid, or the model's comparisons are not valid.</exception>
    public FuzzyPairScorer(ProbabilisticModel model, ProbabilisticMatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _model = model;
        _options = options;
        _comparisons = [.. model.Comparisons.Select(c => c.ToComparison())];
    }

    /// <summary>Finds the candidate pairs by blocking and keeps those at or above a probability.</summary>
    /// <param name="table">The records; it must have every compared and blocked field.</param>
    /// <param name="minimumProbability">The lowest probability kept (0 keeps every compared pair); null for the options' <see cref="ProbabilisticMatchingOptions.ReviewThreshold"/>.</param>
    /// <param name="focusIds">
    /// When set, only pairs where at least one side has one of these ids (new or changed records
    /// compared against the whole table); ids not in the table are ignored.
    /// </param>
    /// <param name="cancellationToken">Stops scoring.</param>
    /// <returns>The pairs ordered by left then right row, and the run's statistics.</returns>
    /// <exception cref="ArgumentException">The table lacks a field or has fewer than two rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumProbability"/> is not in [0, 1).</exception>
    /// <exception cref="OperationCanceledException">Scoring was cancelled.</exception>
    public FuzzyScoringResult Score(FuzzyRecordTable table, double? minimumProbability = null, IEnumerable<long>? focusIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var minimum = minimumProbability ?? _options.ReviewThreshold;
        if (minimum is < 0 or >= 1 || double.IsNaN(minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumProbability), minimum, "The minimum probability must be at least 0 (keep every compared pair) and below 1.");
        }

        var started = TimeProvider.System.GetTimestamp();
        var session = MatchingSession.Open(table, _options, cancellationToken, _comparisons);
        var blocked = TimeProvider.System.GetTimestamp();
        var pairs = session.FindPairs(Focus(table, focusIds), collectCounts: false, cancellationToken);
        var compared = TimeProvider.System.GetTimestamp();
        var scored = new PairWeigher(session, _model).Weigh(pairs, minimum, cancellationToken);
        var done = TimeProvider.System.GetTimestamp();
        return new FuzzyScoringResult(scored, new FuzzyScoringStatistics
        {
            Records = table.Count,
            ComparedPairs = pairs.Count,
            SkippedPairs = pairs.SkippedPairs,
            Blocking = TimeProvider.System.GetElapsedTime(started, blocked),
            Comparing = TimeProvider.System.GetElapsedTime(blocked, compared),
            Scoring = TimeProvider.System.GetElapsedTime(compared, done),
        });
    }

    private static bool[]? Focus(FuzzyRecordTable table, IEnumerable<long>? ids)
    {
        if (ids is null)
        {
            return null;
        }

        var focus = new bool[table.Count];
        foreach (var id in ids)
        {
            if (table.TryGetRow(id, out var row))
            {
                focus[row] = true;
            }
        }

        return focus;
    }
}
