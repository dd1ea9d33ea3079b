using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

public class ProbabilisticMatchingOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = ProbabilisticMatchingOptions.ForFields("first_name", "surname", "dob", "city", "email");

        options.Invoking(o => o.Validate()).Should().NotThrow();
        options.MatchThreshold.Should().Be(0.95);
        options.ReviewThreshold.Should().Be(0.5);
    }

    [Fact]
    public void Validate_NoComparisons_SaysHowToFixIt() =>
        new ProbabilisticMatchingOptions().Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*Comparisons is empty*");

    [Theory]
    [InlineData(nameof(ProbabilisticMatchingOptions.MatchThreshold), "*MatchThreshold is 1.5*")]
    [InlineData(nameof(ProbabilisticMatchingOptions.ReviewThreshold), "*ReviewThreshold is 0.99*at most MatchThreshold*")]
    [InlineData(nameof(ProbabilisticMatchingOptions.MaxEmIterations), "*MaxEmIterations is 0*")]
    [InlineData(nameof(ProbabilisticMatchingOptions.EmConvergenceTolerance), "*EmConvergenceTolerance is -1*")]
    [InlineData(nameof(ProbabilisticMatchingOptions.RandomPairSampleSize), "*RandomPairSampleSize is 10*")]
    [InlineData(nameof(ProbabilisticMatchingOptions.MaxBlockSize), "*MaxBlockSize is 1*")]
    [InlineData(nameof(ProbabilisticMatchingOptions.MaxDegreeOfParallelism), "*MaxDegreeOfParallelism is 0*")]
    public void Validate_BadSetting_NamesIt(string setting, string message)
    {
        var options = ProbabilisticMatchingOptions.ForFields("surname");
        switch (setting)
        {
            case nameof(options.MatchThreshold): options.MatchThreshold = 1.5; break;
            case nameof(options.ReviewThreshold): options.ReviewThreshold = 0.99; break;
            case nameof(options.MaxEmIterations): options.MaxEmIterations = 0; break;
            case nameof(options.EmConvergenceTolerance): options.EmConvergenceTolerance = -1; break;
            case nameof(options.RandomPairSampleSize): options.RandomPairSampleSize = 10; break;
            case nameof(options.MaxBlockSize): options.MaxBlockSize = 1; break;
            default: options.MaxDegreeOfParallelism = 0; break;
        }

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Validate_RuleOnUncomparedField_NamesRuleAndField()
    {
        var options = ProbabilisticMatchingOptions.ForFields("surname");
        options.BlockingRules.Add(BlockingRule.On("postcode"));

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*rule 'postcode' uses field 'postcode'*");
    }

    [Fact]
    public void Validate_FieldComparedTwice_Fails()
    {
        var options = ProbabilisticMatchingOptions.ForFields("surname", "surname");

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage("*compares field 'surname' twice*");
    }

    [Fact]
    public void ForFields_FirstNameAndSurname_AreComparedWithTheSwapLevel()
    {
        var options = ProbabilisticMatchingOptions.ForFields("first_name", "surname", "dob");

        options.Comparisons.Select(c => c.SwapField).Should().Equal("surname", "first_name", null);
    }
}
