using BenchmarkDotNet.Configs;

namespace Audiences.Sdk.Benchmarks;

/// <summary>Adds the per-record columns to the benchmark classes that use it.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new RecordsPerSecondColumn(), new AllocatedPerRecordColumn());
}
