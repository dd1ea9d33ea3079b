namespace Audiences.Sdk.Tests.Matching.Probabilistic;

/// <summary>Pairwise precision, recall and F1 of predicted pairs against true pairs.</summary>
internal sealed record PairwiseScore(long Predicted, long TruePositives, long Actual)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    public double Recall => Actual == 0 ? 0 : (double)TruePositives / Actual;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores clusters (every pair inside a predicted cluster is predicted) against true entity keys.</summary>
    /// <param name="clusters">Predicted clusters of ids.</param>
    /// <param name="truth">The true entity of every id.</param>
    /// <param name="counts">Whether a pair of ids counts (e.g. only cross-file pairs for linkage); null counts every pair.</param>
    public static PairwiseScore FromClusters(IEnumerable<IReadOnlyList<long>> clusters, IReadOnlyDictionary<long, string> truth, Func<long, long, bool>? counts = null)
    {
        long predicted = 0, correct = 0;
        foreach (var cluster in clusters)
        {
            for (var i = 0; i < cluster.Count; i++)
            {
                for (var j = i + 1; j < cluster.Count; j++)
                {
                    if (counts is null || counts(cluster[i], cluster[j]))
                    {
                        predicted++;
                        correct += truth[cluster[i]] == truth[cluster[j]] ? 1 : 0;
                    }
                }
            }
        }

        return new PairwiseScore(predicted, correct, CountTruePairs(truth, counts));
    }

    /// <summary>Scores the pairs of records sharing one exact key value, without transitive closure.</summary>
    public static PairwiseScore FromExactKey(IReadOnlyDictionary<long, string?> key, IReadOnlyDictionary<long, string> truth, Func<long, long, bool>? counts = null)
    {
        var groups = key.Where(k => !string.IsNullOrEmpty(k.Value)).GroupBy(k => k.Value!, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<long>)[.. g.Select(x => x.Key).Order()]);
        var score = FromClusters(groups, truth, counts);
        return score;
    }

    private static long CountTruePairs(IReadOnlyDictionary<long, string> truth, Func<long, long, bool>? counts)
    {
        long actual = 0;
        foreach (var entity in truth.GroupBy(t => t.Value, StringComparer.Ordinal))
        {
            var ids = entity.Select(e => e.Key).ToArray();
            for (var i = 0; i < ids.Length; i++)
            {
                for (var j = i + 1; j < ids.Length; j++)
                {
                    actual += counts is null || counts(ids[i], ids[j]) ? 1 : 0;
                }
            }
        }

        return actual;
    }
}
