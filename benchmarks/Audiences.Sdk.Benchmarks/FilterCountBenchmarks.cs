using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;

namespace Audiences.Sdk.Benchmarks;

/// <summary>
/// An audience count with a three-condition filter over the generated people, in each store through
/// <see cref="IProfileQueryStore.CountProfilesAsync(BoundFilter, CancellationToken)"/>, beside DuckDB
/// (in memory, the same rows, text folded the same way) as the reference. Run with
/// <c>--filter *FilterCount* --rows 1000000</c>.
/// </summary>
[MemoryDiagnoser]
public class FilterCountBenchmarks
{
    /// <summary>The filter every case counts.</summary>
    public const string FilterText = """title contains "vp" and employee_count < 500 and country in ["US", "GB"]""";

    private Workspace? _workspace;
    private BenchStore? _memory;
    private BenchStore? _sqlite;
    private BoundFilter? _memoryFilter;
    private BoundFilter? _sqliteFilter;
    private DuckDBConnection? _duck;
    private DuckDBCommand? _duckCount;

    /// <summary>The row counts to run (see <see cref="BenchmarkRows"/>).</summary>
    public static IEnumerable<int> RowCounts => BenchmarkRows.Values;

    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _workspace = new Workspace();
        var people = PersonGenerator.GenerateArray(Rows);
        _memory = BenchStore.InMemory();
        _sqlite = BenchStore.Create(StoreKind.Sqlite, _workspace.PathOf("filter.db"));
        await ImportRunner.ImportAsync(_memory, people, batchSize: 50_000);
        await ImportRunner.ImportAsync(_sqlite, people, batchSize: 50_000);
        _memoryFilter = await BindAsync(_memory);
        _sqliteFilter = await BindAsync(_sqlite);
        _duck = LoadDuckDb(people);
        _duckCount = _duck.CreateCommand();
        _duckCount.CommandText = "SELECT count(*) FROM people WHERE contains(title, 'VP') AND employee_count < 500 AND country IN ('US', 'GB')";

        var expected = (long)_duckCount.ExecuteScalar()!;
        var memory = await _memory.Queries.CountProfilesAsync(_memoryFilter);
        var sqlite = await _sqlite.Queries.CountProfilesAsync(_sqliteFilter);
        if (memory != expected || sqlite != expected)
        {
            throw new InvalidOperationException($"The counts disagree: DuckDB {expected}, in-memory {memory}, SQLite {sqlite}.");
        }
    }

    [Benchmark(Baseline = true, Description = "DuckDB (reference)")]
    public long DuckDb() => (long)_duckCount!.ExecuteScalar()!;

    [Benchmark(Description = "InMemory store")]
    public async Task<long> InMemory() => await _memory!.Queries.CountProfilesAsync(_memoryFilter!);

    [Benchmark(Description = "SQLite store")]
    public async Task<long> Sqlite() => await _sqlite!.Queries.CountProfilesAsync(_sqliteFilter!);

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _duckCount?.Dispose();
        _duck?.Dispose();
        if (_memory is not null)
        {
            await _memory.DisposeAsync();
        }

        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }
        _workspace?.Dispose();
    }

    private static async Task<BoundFilter> BindAsync(BenchStore store) =>
        await store.Service.BindFilterAsync(EntityKind.Person, FilterText);

    /// <summary>The same people in a DuckDB table, text folded as the stores fold it, so the queries compare like with like.</summary>
    private static DuckDBConnection LoadDuckDb(SourceRecord[] people)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE people (id BIGINT, title VARCHAR, employee_count DOUBLE, country VARCHAR, city VARCHAR)";
            create.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("people"))
        {
            var id = 0L;
            foreach (var person in people)
            {
                appender.CreateRow()
                    .AppendValue(++id)
                    .AppendValue(Audiences.Sdk.Filtering.FilterText.Fold(person.Values[PersonFields.Title].AsText()))
                    .AppendValue(person.Values[PersonFields.EmployeeCount].AsNumber())
                    .AppendValue(Audiences.Sdk.Filtering.FilterText.Fold(person.Values[PersonFields.Country].AsText()))
                    .AppendValue(Audiences.Sdk.Filtering.FilterText.Fold(person.Values[PersonFields.City].AsText()))
                    .EndRow();
            }
        }

        return connection;
    }
}
