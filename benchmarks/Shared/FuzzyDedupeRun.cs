using System.Diagnostics;
using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>Loads generated people into a record table, deduplicates them and scores the clusters against the generator's truth.</summary>
internal static class FuzzyDedupeRun
{
    /// <summary>Builds the table of the rows (values normalized on the way in).</summary>
    public static FuzzyRecordTable Load(IReadOnlyList<FuzzyPerson> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var table = new FuzzyRecordTable(FuzzyPersonGenerator.Fields);
        foreach (var person in people)
        {
            table.Add(person.Id, person.Values);
        }

        return table;
    }

    /// <summary>Deduplicates with the default comparisons and blocking of the generator's fields.</summary>
    public static FuzzyDeduplicationResult Deduplicate(FuzzyRecordTable table, CancellationToken cancellationToken = default) =>
        new ProbabilisticDeduplicator(ProbabilisticMatchingOptions.ForFields(FuzzyPersonGenerator.Fields)).Run(table, cancellationToken);

    /// <summary>Pairwise precision and recall of the clusters: every pair inside a cluster is a predicted match.</summary>
    public static (long Predicted, long Correct, long Actual) Score(IReadOnlyList<IReadOnlyList<long>> clusters, IReadOnlyList<FuzzyPerson> people)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(people);
        var entityOf = people.ToDictionary(p => p.Id, p => p.Entity);
        long predicted = 0, correct = 0;
        foreach (var cluster in clusters)
        {
            predicted += Pairs(cluster.Count);
            foreach (var group in cluster.GroupBy(id => entityOf[id]))
            {
                correct += Pairs(group.Count());
            }
        }

        var actual = people.GroupBy(p => p.Entity).Sum(g => Pairs(g.Count()));
        return (predicted, correct, actual);
    }

    /// <summary>Times an action.</summary>
    public static TimeSpan Time(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
