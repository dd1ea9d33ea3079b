namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>The trained parameters of one level of a comparison.</summary>
/// <param name="Label">The human label, e.g. <c>exact</c>, <c>jaro-winkler ≥ 0.92</c>, <c>null</c>.</param>
/// <param name="M">The probability of this level among true matches.</param>
/// <param name="U">The probability of this level among non-matches.</param>
/// <param name="Weight">The log2 Bayes factor log2(m / u) this level adds to a pair's match weight; 0 for the null level.</param>
internal sealed record LevelModel(string Label, double M, double U, double Weight);
