using Xunit.Abstractions;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

/// <summary>
/// Accuracy on published datasets with the defaults only (ForFields comparisons, default blocking,
/// MatchThreshold 0.95): nothing here is tuned per dataset. Floors sit a little under the measured
/// figures, which <see cref="Report_AllDatasets_PrintsTheMarkdownTable"/> prints.
/// </summary>
public sealed class AccuracyTests(AccuracyFixture fixture, ITestOutputHelper output) : IClassFixture<AccuracyFixture>
{
    private const string Probabilistic = "probabilistic, clustered";

    [Fact]
    public void Report_AllDatasets_PrintsTheMarkdownTable()
    {
        var table = AccuracyFigure.Markdown(fixture.Figures);
        output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "probabilistic-accuracy.md"), table);
        fixture.Figures.Should().HaveCount(9);
    }

    [Fact]
    public void Fake1000Labels_ClusteredAtTheMatchThreshold_BeatsSplinksPublishedF1()
    {
        // Splink's tutorial reaches F1 0.904–0.910 on these 3,176 clerical labels.
        var score = fixture.Find("fake_1000 labels", Probabilistic);

        score.Actual.Should().Be(2_031);
        score.F1.Should().BeGreaterThanOrEqualTo(0.93);
        score.Precision.Should().BeGreaterThanOrEqualTo(0.98);
    }

    [Theory]
    [InlineData("fake_1000", "exact email only", 0.93, 0.98)]
    [InlineData("fake_20000", "exact email only", 0.87, 0.97)]
    [InlineData("FEBRL3", "exact soc_sec_id only", 0.99, 0.99)]
    [InlineData("FEBRL4 (links 4a–4b)", "exact soc_sec_id only", 0.99, 0.99)]
    public void Dataset_AllPairs_ClearsTheFloorAndBeatsTheAliasBaseline(string dataset, string baseline, double minF1, double minPrecision)
    {
        var score = fixture.Find(dataset, Probabilistic);
        var alias = fixture.Find(dataset, baseline);

        score.F1.Should().BeGreaterThanOrEqualTo(minF1);
        score.Precision.Should().BeGreaterThanOrEqualTo(minPrecision);
        score.F1.Should().BeGreaterThan(alias.F1);
        score.Recall.Should().BeGreaterThan(alias.Recall);
    }
}
