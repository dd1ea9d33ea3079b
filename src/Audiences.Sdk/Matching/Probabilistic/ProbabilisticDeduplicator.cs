namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Deduplicates one table in one go: blocks, grades the candidate pairs once, trains the model on
/// them, scores them and clusters the matches. Use <see cref="FellegiSunterTrainer"/> and
/// <see cref="FuzzyPairScorer"/> separately to keep a model and score new records later.
/// Thread-safe.
/// </summary>
internal sealed class ProbabilisticDeduplicator
{
    private readonly ProbabilisticMatchingOptions _options;
    private readonly FellegiSunterTrainer _trainer;

    /// <summary>Creates a deduplicator.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public ProbabilisticDeduplicator(ProbabilisticMatchingOptions options)
    {
        _trainer = new FellegiSunterTrainer(options);
        _options = options;
    }

    /// <summary>Trains, scores and clusters.</summary>
    /// <param name="table">The records; it must have every compared and blocked field and at least two rows.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="ArgumentException">The table lacks a field or has fewer than two rows.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public FuzzyDeduplicationResult Run(FuzzyRecordTable table, CancellationToken cancellationToken = default)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        var session = MatchingSession.Open(table, _options, cancellationToken);
        var blocked = clock.GetTimestamp();
        var candidates = session.FindPairs(null, collectCounts: true, cancellationToken);
        var compared = clock.GetTimestamp();
        var model = _trainer.Fit(session, candidates, cancellationToken);
        var trained = clock.GetTimestamp();
        var pairs = new PairWeigher(session, model).Weigh(candidates, _options.ReviewThreshold, cancellationToken);
        var scored = clock.GetTimestamp();
        var clusters = FuzzyClusterer.Cluster(pairs, _options.MatchThreshold);
        var clustered = clock.GetTimestamp();
        return new FuzzyDeduplicationResult(model, pairs, clusters, new FuzzyScoringStatistics
        {
            Records = table.Count,
            ComparedPairs = candidates.Count,
            SkippedPairs = candidates.SkippedPairs,
            Blocking = clock.GetElapsedTime(started, blocked),
            Comparing = clock.GetElapsedTime(blocked, compared),
            Training = clock.GetElapsedTime(compared, trained),
            Scoring = clock.GetElapsedTime(trained, scored),
            Clustering = clock.GetElapsedTime(scored, clustered),
        });
    }
}
