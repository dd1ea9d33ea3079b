namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>The outcome of <see cref="ProbabilisticDeduplicator.Run"/>.</summary>
/// <param name="Model">The model trained on the table.</param>
/// <param name="Pairs">Pairs at or above the review threshold, ordered by left then right row.</param>
/// <param name="Clusters">Clusters of pairs at or above the match threshold (see <see cref="FuzzyClusterer.Cluster"/>).</param>
/// <param name="Statistics">Counts and stage times.</param>
internal sealed record FuzzyDeduplicationResult(
    ProbabilisticModel Model,
    IReadOnlyList<ScoredPair> Pairs,
    IReadOnlyList<IReadOnlyList<long>> Clusters,
    FuzzyScoringStatistics Statistics);
