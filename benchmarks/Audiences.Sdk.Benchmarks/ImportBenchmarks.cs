using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using BenchmarkDotNet.Attributes;

namespace Audiences.Sdk.Benchmarks;

/// <summary>
/// Import and match of generated people through <c>IProfileService.ImportAsync</c> into each store,
/// a re-import of the same unchanged rows, and the raw SQLite insert of the same rows as the
/// baseline, all in one run so the ratios compare like with like.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ImportBenchmarks
{
    private Workspace? _workspace;
    private SourceRecord[] _rows = [];
    private BenchStore? _store;
    private string _storePath = string.Empty;
    private string _rawPath = string.Empty;

    /// <summary>The row counts to run (see <see cref="BenchmarkRows"/>).</summary>
    public static IEnumerable<int> RowCounts => BenchmarkRows.Values;

    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    [Params(StoreKind.InMemory, StoreKind.Sqlite)]
    public StoreKind Store { get; set; }

    [GlobalSetup(Targets = [nameof(RawSqliteInsert), nameof(Import)])]
    public void Setup()
    {
        _workspace = new Workspace();
        _storePath = _workspace.PathOf("store.db");
        _rawPath = _workspace.PathOf("raw.db");
        _rows = PersonGenerator.GenerateArray(Rows);
    }

    [GlobalSetup(Target = nameof(Reimport))]
    public async Task SetupReimportAsync()
    {
        Setup();
        _store = BenchStore.Create(Store, _storePath);
        await ImportRunner.ImportAsync(_store, _rows);
    }

    [IterationSetup(Target = nameof(RawSqliteInsert))]
    public void DeleteRawDatabase() => Workspace.DeleteDatabase(_rawPath);

    [IterationSetup(Target = nameof(Import))]
    public void CreateStore() => _store = BenchStore.Create(Store, _storePath);

    // Blocking is safe here: no synchronization context, and the store is idle between iterations.
    [IterationCleanup(Target = nameof(Import))]
    public void DisposeStore() => Interlocked.Exchange(ref _store, null)?.Dispose();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (Interlocked.Exchange(ref _store, null) is { } store)
        {
            await store.DisposeAsync();
        }
        _workspace?.Dispose();
    }

    /// <summary>The reference: one plain table, one prepared command, one transaction, WAL, no matching.</summary>
    [Benchmark(Baseline = true)]
    public long RawSqliteInsert() => Workload.RawSqliteInsert.Run(_rawPath, _rows);

    /// <summary>Every row is a new person: match misses, one profile created per row.</summary>
    [Benchmark]
    public Task<ImportResult> Import() => ImportRunner.ImportAsync(_store!, _rows);

    /// <summary>Every row is already stored with the same values: match hits, nothing is written.</summary>
    [Benchmark]
    public async Task<ImportResult> Reimport()
    {
        var result = await ImportRunner.ImportAsync(_store!, _rows);
        return result.Unchanged == Rows
            ? result
            : throw new InvalidOperationException($"A re-import of unchanged rows should change nothing, but {Rows - result.Unchanged} of {Rows} rows changed.");
    }
}
