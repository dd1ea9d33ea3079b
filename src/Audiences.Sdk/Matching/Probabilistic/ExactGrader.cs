namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>Grades <see cref="FuzzyComparisonKind.Exact"/>: equal codes are exact, anything else is "else".</summary>
internal sealed class ExactGrader : LevelGrader
{
    public static readonly ExactGrader Instance = new();

    public override int Level(int left, int right) => left == right ? FuzzyComparison.ExactLevel : 2;
}
