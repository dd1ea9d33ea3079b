namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>The scored pairs of a run, ordered by left then right row, and what the run did.</summary>
/// <param name="Pairs">The pairs at or above the minimum probability.</param>
/// <param name="Statistics">Counts and stage times.</param>
internal sealed record FuzzyScoringResult(IReadOnlyList<ScoredPair> Pairs, FuzzyScoringStatistics Statistics);
