namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>A candidate pair with its match weight, probability and the per-field reasons.</summary>
/// <param name="LeftId">The id of the record added to the table first.</param>
/// <param name="RightId">The id of the other record.</param>
/// <param name="MatchWeight">The prior weight plus the sum of the field weights (log2 odds of a match).</param>
/// <param name="MatchProbability">The match weight as a probability from 0 to 1.</param>
/// <param name="Contributions">One entry per comparison, in the order of the model's comparisons.</param>
internal sealed record ScoredPair(long LeftId, long RightId, double MatchWeight, double MatchProbability, IReadOnlyList<FieldContribution> Contributions);
