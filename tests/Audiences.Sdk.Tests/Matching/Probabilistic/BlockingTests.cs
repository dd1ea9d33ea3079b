using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

public class BlockingTests
{
    private static readonly ProbabilisticModel FlatModel = Train(Table(), Options());

    [Fact]
    public void Score_PairProducedByTwoRules_IsComparedOnce()
    {
        var table = Table();
        var options = Options(BlockingRule.On("first_name"), BlockingRule.On("surname"));

        var result = new FuzzyPairScorer(FlatModel, options).Score(table, 0);

        // Rows 1-2 share both names, so both rules produce them; rows 1-3 and 2-3 share the first name only.
        result.Statistics.ComparedPairs.Should().Be(3);
        result.Pairs.Select(p => (p.LeftId, p.RightId)).Should().Equal((1L, 2L), (1L, 3L), (2L, 3L));
    }

    [Fact]
    public void Score_BlockOverTheCap_IsSkippedAndCounted()
    {
        var table = new FuzzyRecordTable(["first_name", "surname"]);
        for (var i = 0; i < 5; i++)
        {
            table.Add(i, "same", $"s{i}");
        }

        var options = Options(BlockingRule.On("first_name"));
        options.MaxBlockSize = 4;

        var result = new FuzzyPairScorer(FlatModel, options).Score(table, 0);

        result.Statistics.ComparedPairs.Should().Be(0);
        result.Statistics.SkippedPairs.Should().Be(10);
    }

    [Fact]
    public void Score_PrefixAndSoundexKeys_GroupSimilarValues()
    {
        var table = new FuzzyRecordTable(["first_name", "surname"]);
        table.Add(1, "ann", "smith");
        table.Add(2, "bob", "smyth");
        table.Add(3, "cat", "smithers");
        var soundex = Options(new BlockingRule([new BlockingKey("surname", BlockingKeyKind.Soundex)]));
        var prefix = Options(new BlockingRule([new BlockingKey("surname", BlockingKeyKind.Prefix, 5)]));

        new FuzzyPairScorer(FlatModel, soundex).Score(table, 0).Statistics.ComparedPairs.Should().Be(1);
        new FuzzyPairScorer(FlatModel, prefix).Score(table, 0).Pairs.Select(p => (p.LeftId, p.RightId)).Should().Equal((1L, 3L));
    }

    [Fact]
    public void Score_AnyOrderRule_FindsSwappedNames()
    {
        var table = new FuzzyRecordTable(["first_name", "surname"]);
        table.Add(1, "isla", "hall");
        table.Add(2, "hall", "isla");
        table.Add(3, "isla", "hill");
        var options = Options(BlockingRule.InAnyOrder("first_name", "surname"));

        var result = new FuzzyPairScorer(FlatModel, options).Score(table, 0);

        result.Pairs.Select(p => (p.LeftId, p.RightId)).Should().Equal((1L, 2L));
        result.Pairs[0].Contributions.Select(c => c.Level).Should().Equal("swapped with surname", "swapped with first_name");
    }

    [Fact]
    public void Score_LocalPartKey_FindsAChangedDomain()
    {
        var table = new FuzzyRecordTable(["email"]);
        table.Add(1, "ada@old.com");
        table.Add(2, "ada@new.org");
        table.Add(3, "bob@old.com");
        var options = ProbabilisticMatchingOptions.ForFields("email");
        options.BlockingRules.Add(new BlockingRule([new BlockingKey("email", BlockingKeyKind.LocalPart)]));
        var model = new FellegiSunterTrainer(options).Train(table);

        var result = new FuzzyPairScorer(model, options).Score(table, 0);

        result.Pairs.Select(p => (p.LeftId, p.RightId)).Should().Equal((1L, 2L));
        result.Pairs[0].Contributions[0].Level.Should().Be("same local part");
    }

    [Fact]
    public void Defaults_FieldList_GivesEveryPairAndEmailAlone()
    {
        var rules = BlockingRule.Defaults(ProbabilisticMatchingOptions.ForFields("first_name", "surname", "email").Comparisons.ToList());

        rules.Select(r => r.ToString()).Should().Equal("first_name & surname", "first_name & email", "surname & email", "{first_name, surname} in any order", "email");
    }

    [Fact]
    public void Defaults_WithTable_AddsOnlyDistinctiveSingleFields()
    {
        var table = new FuzzyRecordTable(["dob", "city"]);
        for (var i = 0; i < 100; i++)
        {
            table.Add(i, $"2000-01-{(i % 28) + 1:00}", "london");
        }

        var rules = BlockingRule.Defaults(ProbabilisticMatchingOptions.ForFields("dob", "city").Comparisons.ToList(), table);

        rules.Select(r => r.ToString()).Should().Equal("dob & city", "dob");
    }

    private static FuzzyRecordTable Table()
    {
        var table = new FuzzyRecordTable(["first_name", "surname"]);
        table.Add(1, "ada", "lovelace");
        table.Add(2, "ada", "lovelace");
        table.Add(3, "ada", "byron");
        table.Add(4, "grace", "hopper");
        return table;
    }

    private static ProbabilisticMatchingOptions Options(params BlockingRule[] rules)
    {
        var options = ProbabilisticMatchingOptions.ForFields("first_name", "surname");
        foreach (var rule in rules)
        {
            options.BlockingRules.Add(rule);
        }

        return options;
    }

    private static ProbabilisticModel Train(FuzzyRecordTable table, ProbabilisticMatchingOptions options) =>
        new FellegiSunterTrainer(options).Train(table);
}
