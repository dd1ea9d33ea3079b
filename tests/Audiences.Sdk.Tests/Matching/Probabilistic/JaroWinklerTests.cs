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
    public void Similarity_FastAndScanPaths_AgreeOnRandomStrings()
    {
        // Appending a non-ASCII character to both strings forces the scan path without changing
        // the matches of the rest, so the two paths can be compared on the same text.
        var random = new Random(17);
        for (var n = 0; n < 2_000; n++)
        {
            var left = Word(random);
            var right = random.Next(3) == 0 ? Mutate(left, random) : Word(random);
            var fast = JaroWinkler.Similarity(left, right);
            var scan = JaroWinkler.Similarity(left + "é", right + "é");
            var expected = ReferenceJaroWinkler(left + "é", right + "é");

            scan.Should().BeApproximately(expected, 1e-12, $"{left} / {right}");
            ReferenceJaroWinkler(left, right).Should().BeApproximately(fast, 1e-12, $"{left} / {right}");
        }
    }

    [Fact]
    public void Similarity_BelowBoostThreshold_GetsNoPrefixBonus()
    {
        // "abcdef" vs "abzzzz": Jaro is 0.556, under 0.7, so the shared prefix adds nothing.
        JaroWinkler.Similarity("abcdef", "abzzzz").Should().BeApproximately(5.0 / 9.0, 1e-9);
    }

    private static string Word(Random random) =>
        new([.. Enumerable.Range(0, 1 + random.Next(30)).Select(_ => (char)('a' + random.Next(6)))]);

    private static string Mutate(string word, Random random)
    {
        var chars = word.ToCharArray();
        chars[random.Next(chars.Length)] = (char)('a' + random.Next(6));
        return new string(chars);
    }

    // The textbook definition, written out plainly, as the reference both paths must agree with.
    private static double ReferenceJaroWinkler(string s, string t)
    {
        if (s == t)
        {
            return 1;
        }

        var window = Math.Max(0, (Math.Max(s.Length, t.Length) / 2) - 1);
        var sMatched = new bool[s.Length];
        var tMatched = new bool[t.Length];
        var matches = 0;
        for (var i = 0; i < s.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j <= Math.Min(t.Length - 1, i + window); j++)
            {
                if (!tMatched[j] && s[i] == t[j])
                {
                    sMatched[i] = tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var sOrder = s.Where((_, i) => sMatched[i]).ToArray();
        var tOrder = t.Where((_, j) => tMatched[j]).ToArray();
        var half = sOrder.Zip(tOrder).Count(p => p.First != p.Second);
        double m = matches;
        var jaro = ((m / s.Length) + (m / t.Length) + ((m - (half / 2)) / m)) / 3;
        if (jaro <= 0.7)
        {
            return jaro;
        }

        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(s.Length, t.Length)) && s[prefix] == t[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }
}
