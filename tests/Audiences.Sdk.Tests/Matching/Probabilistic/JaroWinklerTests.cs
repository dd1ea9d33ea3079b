using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

public class JaroWinklerTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.896)]
    public void Similarity_TextbookPairs_MatchPublishedValues(string left, string right, double expected)
    {
        JaroWinkler.Similarity(left, right).Should().BeApproximately(expected, 0.0005);
        JaroWinkler.Similarity(right, left).Should().BeApproximately(expected, 0.0005);
    }

    [Theory]
    [InlineData("", "", 1.0)]
    [InlineData("same", "same", 1.0)]
    [InlineData("abc", "", 0.0)]
    [InlineData("abc", "xyz", 0.0)]
    public void Similarity_EdgeCases_AreExact(string left, string right, double expected) =>
        JaroWinkler.Similarity(left, right).Should().Be(expected);

    [Fact]
    public void Similarity_LongStrings_UseThePoolAndAgreeWithShortLogic()
    {
        var left = new string('a', 200) + "bc";
        var right = new string('a', 200) + "cb";

        JaroWinkler.Similarity(left, right).Should().BeInRange(0.99, 1.0).And.BeLessThan(1.0);
    }

    [Fact]
    public void Similarity_BelowBoostThreshold_GetsNoPrefixBonus()
    {
        // "abcdef" vs "abzzzz": Jaro is 0.556, under 0.7, so the shared prefix adds nothing.
        JaroWinkler.Similarity("abcdef", "abzzzz").Should().BeApproximately(5.0 / 9.0, 1e-9);
    }
}
