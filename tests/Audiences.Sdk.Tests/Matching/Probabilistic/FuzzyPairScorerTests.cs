using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

public class FuzzyPairScorerTests
{
    [Fact]
    public void Score_SameInput_GivesTheSamePairsOnOneCoreAndOnMany()
    {
        var (table, _) = SyntheticPeople.Create(300, seed: 11);
        var options = ProbabilisticMatchingOptions.ForFields(SyntheticPeople.Fields);
        var model = new FellegiSunterTrainer(options).Train(table);
        var single = ProbabilisticMatchingOptions.ForFields(SyntheticPeople.Fields);
        single.MaxDegreeOfParallelism = 1;

        var many = new FuzzyPairScorer(model, options).Score(table, 0);
        var one = new FuzzyPairScorer(model, single).Score(table, 0);

        one.Pairs.Should().HaveCount(many.Pairs.Count);
        one.Pairs.Select(p => (p.LeftId, p.RightId, p.MatchWeight)).Should().Equal(many.Pairs.Select(p => (p.LeftId, p.RightId, p.MatchWeight)));
    }

    [Fact]
    public void Score_Pairs_ExplainEachFieldAndAddUpToTheMatchWeight()
    {
        var (table, truth) = SyntheticPeople.Create(300, seed: 13);
        var options = ProbabilisticMatchingOptions.ForFields(SyntheticPeople.Fields);
        var model = new FellegiSunterTrainer(options).Train(table);

        var result = new FuzzyPairScorer(model, options).Score(table);

        result.Pairs.Should().NotBeEmpty();
        foreach (var pair in result.Pairs)
        {
            pair.MatchProbability.Should().BeGreaterThanOrEqualTo(options.ReviewThreshold);
            pair.Contributions.Select(c => c.Field).Should().Equal(SyntheticPeople.Fields);
            (model.PriorWeight + pair.Contributions.Sum(c => c.Weight)).Should().BeApproximately(pair.MatchWeight, 1e-9);
            ProbabilisticModel.ToProbability(pair.MatchWeight).Should().BeApproximately(pair.MatchProbability, 1e-12);
        }

        var matches = result.Pairs.Where(p => p.MatchProbability >= options.MatchThreshold).ToList();
        matches.Count(p => truth[p.LeftId] == truth[p.RightId]).Should().BeGreaterThanOrEqualTo((int)(matches.Count * 0.95));
    }

    [Fact]
    public void Score_Focus_KeepsOnlyPairsTouchingTheFocusedRecords()
    {
        var (table, _) = SyntheticPeople.Create(300, seed: 17);
        var options = ProbabilisticMatchingOptions.ForFields(SyntheticPeople.Fields);
        var model = new FellegiSunterTrainer(options).Train(table);
        var scorer = new FuzzyPairScorer(model, options);
        var all = scorer.Score(table, 0);
        long[] focus = [.. Enumerable.Range(0, table.Count).Where(i => i % 7 == 0).Select(i => table.GetId(i))];
        var focusSet = focus.ToHashSet();

        var focused = scorer.Score(table, 0, focus);

        var expected = all.Pairs.Where(p => focusSet.Contains(p.LeftId) || focusSet.Contains(p.RightId)).Select(p => (p.LeftId, p.RightId, p.MatchWeight));
        focused.Pairs.Select(p => (p.LeftId, p.RightId, p.MatchWeight)).Should().Equal(expected);
        focused.Statistics.ComparedPairs.Should().BeLessThan(all.Statistics.ComparedPairs);
    }
}
