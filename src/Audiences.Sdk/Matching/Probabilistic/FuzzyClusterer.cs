namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>Joins matched pairs into clusters of records that are the same entity (transitively), with union-find.</summary>
internal static class FuzzyClusterer
{
    /// <summary>Clusters the pairs at or above a probability.</summary>
    /// <param name="pairs">Scored pairs.</param>
    /// <param name="minimumProbability">The match threshold, e.g. <see cref="ProbabilisticMatchingOptions.MatchThreshold"/>.</param>
    /// <returns>
    /// Clusters of at least two ids; each cluster's ids ascending, clusters ordered by their smallest
    /// id. Records in no matched pair are in no cluster.
    /// </returns>
    public static IReadOnlyList<IReadOnlyList<long>> Cluster(IEnumerable<ScoredPair> pairs, double minimumProbability)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var index = new Dictionary<long, int>();
        var ids = new List<long>();
        var parent = new List<int>();
        foreach (var pair in pairs)
        {
            if (pair.MatchProbability >= minimumProbability)
            {
                Union(parent, Node(pair.LeftId), Node(pair.RightId));
            }
        }

        var groups = new Dictionary<int, List<long>>();
        for (var i = 0; i < ids.Count; i++)
        {
            var root = Find(parent, i);
            if (!groups.TryGetValue(root, out var members))
            {
                groups[root] = members = [];
            }

            members.Add(ids[i]);
        }

        return [.. groups.Values.Select(g => g.Order().ToArray()).OrderBy(g => g[0])];

        int Node(long id)
        {
            if (!index.TryGetValue(id, out var node))
            {
                node = ids.Count;
                index.Add(id, node);
                ids.Add(id);
                parent.Add(node);
            }

            return node;
        }
    }

    private static int Find(List<int> parent, int node)
    {
        while (parent[node] != node)
        {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }

        return node;
    }

    private static void Union(List<int> parent, int a, int b)
    {
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA != rootB)
        {
            parent[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
        }
    }
}
