using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Audiences.Sdk.Benchmarks;

/// <summary>
/// Keeping one audience of a large in-memory workspace current after 1% of the people changed: the
/// incremental refresh (evaluates only the changed profiles) against the reference, a full
/// re-evaluation of the audience over every profile. Each iteration first upserts a fresh 1% change.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MembershipScaleBenchmarks
{
    private MembershipWorkspace _workspace = null!;
    private long _audienceId;
    private int _round;

    [Params(1_000_000)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workspace = new MembershipWorkspace();
        _workspace.ImportAsync(People).GetAwaiter().GetResult();
        _audienceId = _workspace.CreateAudiencesAsync(1).GetAwaiter().GetResult()[0].Id;
        _workspace.Audiences.RefreshMembershipAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _workspace.Dispose();

    [IterationSetup]
    public void ChangeOnePercent()
    {
        _round++;
        var changed = Enumerable.Range(0, People / 100).Select(i => MembershipWorkspace.Person((i * 100) + 1 + (_round % 100), _round)).ToArray();
        _workspace.Profiles.UpsertAsync(changed, new Import.ImportOptions(Profiles.EntityKind.Person)).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<long> FullReevaluation() => (await _workspace.Audiences.ReevaluateAsync(_audienceId)).Entered;

    [Benchmark]
    public async Task<long> IncrementalRefresh() => (await _workspace.Audiences.RefreshMembershipAsync()).Evaluations;

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Dry.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1).WithId("Scale"));
    }
}
