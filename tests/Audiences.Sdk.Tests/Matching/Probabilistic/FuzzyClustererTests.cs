using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

public class FuzzyClustererTests
{
    [Fact]
    public void Cluster_PairsAboveThreshold_JoinTransitivelyInIdOrder()
    {
        ScoredPair[] pairs = [Pair(9, 4, 0.99), Pair(4, 2, 0.97), Pair(7, 8, 0.96), Pair(2, 7, 0.60), Pair(5, 6, 0.10)];

        var clusters = FuzzyClusterer.Cluster(pairs, 0.95);

        clusters.Should().HaveCount(2);
        clusters[0].Should().Equal(2, 4, 9);
        clusters[1].Should().Equal(7, 8);
    }

    [Fact]
    public void Cluster_NoPairAboveThreshold_GivesNoCluster() =>
        FuzzyClusterer.Cluster([Pair(1, 2, 0.5)], 0.95).Should().BeEmpty();

    private static ScoredPair Pair(long left, long right, double probability) =>
        new(left, right, ProbabilisticModel.ToMatchWeight(probability), probability, []);
}
