using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Csv;
using BenchmarkDotNet.Attributes;

namespace Audiences.Sdk.Benchmarks;

/// <summary>
/// Parse rate of <see cref="CsvSource"/> over a generated people file, beside the cheapest way to
/// split the same file (<c>File.ReadLines</c> and <c>string.Split</c>, no typing, no records).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CsvParseBenchmarks
{
    private Workspace? _workspace;
    private string _path = string.Empty;
    private CsvSourceOptions _options = null!;

    /// <summary>The row counts to run (see <see cref="BenchmarkRows"/>).</summary>
    public static IEnumerable<int> RowCounts => BenchmarkRows.Values;

    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workspace = new Workspace();
        _path = _workspace.PathOf("people.csv");
        PersonCsvWriter.Write(_path, PersonGenerator.Generate(Rows));
        _options = CsvParse.OptionsFor(_path);
    }

    [GlobalCleanup]
    public void Cleanup() => _workspace?.Dispose();

    [Benchmark(Baseline = true)]
    public long ReadLinesSplit() => CsvParse.ReadLinesSplit(_path);

    [Benchmark]
    public Task<long> CsvSourceRead() => CsvParse.ReadAllAsync(_options);
}
