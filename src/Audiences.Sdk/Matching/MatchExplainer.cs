using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Matching;

/// <summary>
/// Explains why source records share a profile: the chain of aliases that joins them, found by a
/// breadth-first walk over the profile's records (shortest chains first).
/// </summary>
internal static class MatchExplainer
{
    /// <summary>
    /// For every record of the profile but the oldest, the link that joins it to a record nearer the
    /// oldest one. Records no alias joins any more (their shared value changed after the merge) are absent.
    /// </summary>
    public static IReadOnlyList<MatchLink> SpanningLinks(Profile profile)
    {
        if (profile.Sources.Count == 0)
        {
            return [];
        }

        var parents = Walk(profile, profile.Sources[0].Key);
        return profile.Sources.Skip(1)
            .Where(s => parents.ContainsKey(s.Key))
            .Select(s => parents[s.Key])
            .ToArray();
    }

    /// <summary>The chain from <paramref name="from"/> to <paramref name="to"/>, or null when no alias chain joins them.</summary>
    public static IReadOnlyList<MatchLink>? Chain(Profile profile, SourceRecordKey from, SourceRecordKey to)
    {
        var parents = Walk(profile, from);
        if (from == to)
        {
            return [];
        }

        if (!parents.ContainsKey(to))
        {
            return null;
        }

        var chain = new List<MatchLink>();
        for (var key = to; key != from; key = parents[key].From)
        {
            chain.Add(parents[key]);
        }

        chain.Reverse();
        return chain;
    }

    private static Dictionary<SourceRecordKey, MatchLink> Walk(Profile profile, SourceRecordKey start)
    {
        // Each record is reachable through its aliases, and a converted lead through the record it names.
        var byAlias = new Dictionary<AliasKey, List<SourceRecordKey>>();
        foreach (var source in profile.Sources)
        {
            foreach (var alias in source.Aliases.Append(AliasExtractor.ConvertedRecordAlias(source.Key)))
            {
                if (!byAlias.TryGetValue(alias, out var keys))
                {
                    byAlias[alias] = keys = [];
                }

                keys.Add(source.Key);
            }
        }

        var parents = new Dictionary<SourceRecordKey, MatchLink>();
        var seen = new HashSet<SourceRecordKey> { start };
        var queue = new Queue<SourceRecordKey>([start]);
        var sources = profile.Sources.ToDictionary(s => s.Key);
        while (queue.TryDequeue(out var key))
        {
            var record = sources[key];
            foreach (var alias in record.Aliases.Append(AliasExtractor.ConvertedRecordAlias(key)))
            {
                foreach (var next in byAlias[alias])
                {
                    if (seen.Add(next))
                    {
                        parents[next] = new MatchLink(key, next, alias);
                        queue.Enqueue(next);
                    }
                }
            }
        }

        return parents;
    }
}
