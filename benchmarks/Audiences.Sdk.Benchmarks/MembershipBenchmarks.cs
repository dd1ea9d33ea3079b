using Audiences.Sdk.Filtering;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Audiences.Sdk.Benchmarks;

/// <summary>
/// Re-evaluating one changed profile against 100 audiences of three conditions each. The reference
/// is the bare work: one filter record and 100 calls of the reference evaluator. The refresh runs
/// the whole path (change detection, memberships, feed, commit) after a one-profile upsert, so the
/// upsert alone is measured too: the refresh costs the difference.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MembershipBenchmarks
{
    private MembershipWorkspace _workspace = null!;
    private BoundFilter[] _filters = [];
    private FilterEvaluator _evaluator = null!;
    private Profile _profile = null!;
    private int _variant;

    [GlobalSetup]
    public void Setup()
    {
        _workspace = new MembershipWorkspace();
        _workspace.ImportAsync(10_000).GetAwaiter().GetResult();
        _workspace.CreateAudiencesAsync(100).GetAwaiter().GetResult();
        _workspace.Audiences.RefreshMembershipAsync().GetAwaiter().GetResult();
        var fields = _workspace.Profiles.GetFieldsAsync(EntityKind.Person).AsTask().GetAwaiter().GetResult();
        var catalog = new FilterCatalog(fields);
        _filters = [.. Enumerable.Range(0, 100).Select(n => FilterParser.Parse(MembershipWorkspace.Criteria(n), EntityKind.Person, catalog))];
        _evaluator = new FilterEvaluator(TimeProvider.System);
        _profile = _workspace.ProfileStore.GetProfileAsync(new ProfileId(42)).AsTask().GetAwaiter().GetResult()!;
    }

    [GlobalCleanup]
    public void Cleanup() => _workspace.Dispose();

    [Benchmark(Baseline = true)]
    public int EvaluateOneProfileAgainst100()
    {
        var record = FilterRecord.FromProfile(_profile);
        var matches = 0;
        foreach (var filter in _filters)
        {
            matches += _evaluator.Matches(filter, record) ? 1 : 0;
        }

        return matches;
    }

    [Benchmark]
    public async Task<long> UpsertOneProfile() =>
        (await _workspace.Profiles.UpsertAsync([MembershipWorkspace.Person(42, ++_variant)], new ImportOptions(EntityKind.Person))).Updated;

    [Benchmark]
    public async Task<long> UpsertOneProfileAndRefresh100Audiences()
    {
        await _workspace.Profiles.UpsertAsync([MembershipWorkspace.Person(42, ++_variant)], new ImportOptions(EntityKind.Person));
        return (await _workspace.Audiences.RefreshMembershipAsync()).Evaluations;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.ShortRun.WithId("Membership"));
    }
}
