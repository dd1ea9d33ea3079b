namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>What one comparison added to a pair's match weight: the reason a reviewer reads.</summary>
/// <param name="Field">The compared field.</param>
/// <param name="Level">The level's label, e.g. <c>exact</c>, <c>jaro-winkler ≥ 0.88</c>, <c>null</c>.</param>
/// <param name="Weight">The log2 Bayes factor added (negative when the field speaks against a match), term-frequency adjustment included.</param>
/// <param name="LeftValue">The left record's normalized value; null when empty.</param>
/// <param name="RightValue">The right record's normalized value; null when empty.</param>
internal readonly record struct FieldContribution(string Field, string Level, double Weight, string? LeftValue, string? RightValue);
