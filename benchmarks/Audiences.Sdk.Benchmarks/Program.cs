using Audiences.Sdk.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

var benchmarkArgs = BenchmarkRows.Extract(args);

// Without --job, one launch of 1 warm-up and 5 measured iterations keeps the whole suite to a few
// minutes on two cores; each operation imports 100,000 rows, so that is plenty of signal.
// One invocation per iteration, because every import needs a fresh, empty store.
var config = benchmarkArgs.Any(a => a is "-j" || a.StartsWith("--job", StringComparison.Ordinal))
    ? DefaultConfig.Instance
    : DefaultConfig.Instance.AddJob(Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(5)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithId("Import"));

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkRows).Assembly).Run(benchmarkArgs, config);
