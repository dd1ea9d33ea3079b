using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

public class FellegiSunterTrainerTests
{
    [Fact]
    public void Train_SyntheticPeople_ConvergesToSensibleParameters()
    {
        var (table, truth) = SyntheticPeople.Create(400, seed: 3);

        var model = new FellegiSunterTrainer(ProbabilisticMatchingOptions.ForFields(SyntheticPeople.Fields)).Train(table);

        model.Converged.Should().BeTrue();
        var truePairs = truth.GroupBy(t => t.Value).Sum(g => (double)g.Count() * (g.Count() - 1) / 2);
        var trueLambda = truePairs / ((double)table.Count * (table.Count - 1) / 2);
        model.Lambda.Should().BeInRange(trueLambda / 2, trueLambda * 2);
        foreach (var comparison in model.Comparisons)
        {
            var exact = comparison.Levels[FuzzyComparison.ExactLevel];
            exact.M.Should().BeGreaterThan(0.5, comparison.Field);
            exact.Weight.Should().BeGreaterThan(0, comparison.Field);
            comparison.Levels[^1].Weight.Should().BeLessThan(0, comparison.Field);
            comparison.Levels[FuzzyComparison.NullLevel].Weight.Should().Be(0);
        }
    }

    [Fact]
    public void Train_SameInputTwice_GivesTheSameModel()
    {
        var (table, _) = SyntheticPeople.Create(200, seed: 5);
        var options = ProbabilisticMatchingOptions.ForFields(SyntheticPeople.Fields);

        var first = new FellegiSunterTrainer(options).Train(table).ToJson();
        var second = new FellegiSunterTrainer(options).Train(table).ToJson();

        second.Should().Be(first);
    }

    [Fact]
    public void ToJson_Model_RoundTripsEveryParameter()
    {
        var (table, _) = SyntheticPeople.Create(200, seed: 7);
        var options = ProbabilisticMatchingOptions.ForFields(SyntheticPeople.Fields);
        var model = new FellegiSunterTrainer(options).Train(table);

        var json = model.ToJson();
        var restored = ProbabilisticModel.FromJson(json);

        restored.Should().BeEquivalentTo(model);
        json.Should().Contain("\"kind\": \"jaroWinkler\"").And.Contain("\"label\": \"swapped with surname\"");
        var original = new FuzzyPairScorer(model, options).Score(table, 0);
        var again = new FuzzyPairScorer(restored, options).Score(table, 0);
        again.Pairs.Select(p => p.MatchWeight).Should().Equal(original.Pairs.Select(p => p.MatchWeight));
    }

    [Fact]
    public void Train_CancelledToken_Throws()
    {
        var (table, _) = SyntheticPeople.Create(100, seed: 9);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var act = () => new FellegiSunterTrainer(ProbabilisticMatchingOptions.ForFields(SyntheticPeople.Fields)).Train(table, cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Train_TableWithoutAComparedField_NamesIt()
    {
        var table = new FuzzyRecordTable(["first_name"]);
        table.Add(1, "a");
        table.Add(2, "b");

        var act = () => new FellegiSunterTrainer(ProbabilisticMatchingOptions.ForFields("first_name", "city")).Train(table);

        act.Should().Throw<ArgumentException>().WithMessage("*no field 'city'*");
    }
}
