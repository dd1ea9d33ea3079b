using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Matching.Probabilistic;
using BenchmarkDotNet.Attributes;

namespace Audiences.Sdk.Benchmarks;

/// <summary>
/// Probabilistic deduplication of generated people with injected duplicates and typos (see
/// <see cref="FuzzyPersonGenerator"/>): loading the record table, and the whole run (blocking,
/// training, scoring, clustering) with the default comparisons and blocking of the five fields.
/// The reference is the deterministic alias match it complements: grouping rows by exact email.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class FuzzyDedupeBenchmarks
{
    private FuzzyPerson[] _people = [];
    private FuzzyRecordTable _table = null!;

    [Params(20_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _people = FuzzyPersonGenerator.Generate(Rows);
        _table = FuzzyDedupeRun.Load(_people);
    }

    [Benchmark(Baseline = true)]
    public int ExactEmailGroups() =>
        _people.Where(p => p.Values[4] is not null).GroupBy(p => p.Values[4]!.Trim().ToLowerInvariant(), StringComparer.Ordinal).Count(g => g.Skip(1).Any());

    [Benchmark]
    public int LoadTable() => FuzzyDedupeRun.Load(_people).Count;

    [Benchmark]
    public int Deduplicate() => FuzzyDedupeRun.Deduplicate(_table).Clusters.Count;
}
