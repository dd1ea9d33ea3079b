namespace Audiences.Sdk.Profiles;

/// <summary>How one compared field of a scored pair agreed, and what that added to the match weight.</summary>
/// <param name="Field">The compared field.</param>
/// <param name="Level">The comparison level the values fell in, e.g. <c>exact</c> or <c>jaro-winkler ≥ 0.92</c>.</param>
/// <param name="Weight">The level's match weight (log2 of m/u): positive for evidence of a match, negative against, 0 for a missing value.</param>
/// <param name="LeftValue">The first record's value, or null when empty.</param>
/// <param name="RightValue">The second record's value, or null when empty.</param>
public sealed record MatchEvidence(string Field, string Level, double Weight, string? LeftValue, string? RightValue);
