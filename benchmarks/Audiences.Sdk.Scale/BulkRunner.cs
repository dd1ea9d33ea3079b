using Audiences.Sdk.Benchmarks.Workload;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The <c>--bulk</c> run: writes the workload file, then measures every figure the bulk targets name, each beside
/// its reference in the same process: <c>sqlite3 .import</c> for the SQLite import, the CSV's size for the database,
/// a hand-designed wide table for the SQLite count, DuckDB for the in-memory count, the first import for the
/// re-import. The whole sequence runs once on a small file first, so JIT compilation and native library loading
/// are not charged to the figures. Progress goes to <paramref name="log"/>.
/// </summary>
internal sealed class BulkRunner(ScaleOptions options, TextWriter log)
{
    private const int WarmUpRows = 2_000;

    /// <exception cref="MissingToolException">sqlite3 is not installed.</exception>
    public async Task<BulkReport> RunAsync()
    {
        var version = SqliteCliReference.Version();
        using var workspace = new Workspace(options.WorkDirectory);
        log.WriteLine($"Work folder: {workspace.Root}; {version}");

        log.WriteLine($"Warming up on {Math.Min(options.Rows, WarmUpRows):N0} rows...");
        await MeasureAsync(workspace, "warmup", Math.Min(options.Rows, WarmUpRows), version, TextWriter.Null);

        return await MeasureAsync(workspace, "bulk", options.Rows, version, log);
    }

    private async Task<BulkReport> MeasureAsync(Workspace workspace, string name, int rows, string version, TextWriter progress)
    {
        progress.WriteLine($"Writing the workload file: {rows:N0} rows (seed {options.Seed})...");
        var file = BulkWorkload.Write(workspace.PathOf("people.csv"), rows, options.Seed);
        progress.WriteLine($"{file.Bytes / 1e6:N1} MB, {file.Repeats:N0} repeated emails, {file.People:N0} people.");
        try
        {
            progress.WriteLine("Reference: sqlite3 .import...");
            var cliPath = workspace.PathOf($"{name}-sqlite3-import.db");
            Measurement.FullCollect();
            var cliImport = SqliteCliReference.Import(file.Path, cliPath);
            var cliBytes = new FileInfo(cliPath).Length;

            var sqlite = await SqliteBulkProbe.RunAsync(file, workspace.PathOf($"{name}-store.db"), progress);
            Workspace.DeleteDatabase(workspace.PathOf($"{name}-store.db"));

            progress.WriteLine("Reference: the wide table...");
            var widePath = workspace.PathOf($"{name}-wide.db");
            using var wide = WideTableReference.Build(widePath, cliPath);
            Workspace.DeleteDatabase(cliPath);
            Check(wide.Rows, file.People, "the wide table's rows");
            var wideCount = await CountFigure.MeasureAsync("wide table, hand-written SQL (reference)", () => Task.FromResult(wide.Count()));
            var wideScan = await CountFigure.MeasureAsync("wide table, same SQL, NOT INDEXED (full scan)", () => Task.FromResult(wide.Scan()));
            Check(sqlite.Count.Count, wideCount.Count, "the SQLite store's count");
            Check(wideScan.Count, wideCount.Count, "the wide table's full-scan count");

            var inMemory = await InMemoryBulkProbe.RunAsync(file, progress);
            Check(inMemory.Profiles, file.People, "the in-memory store's people");
            Check(inMemory.Count.Count, wideCount.Count, "the in-memory store's count");

            progress.WriteLine("Reference: DuckDB...");
            CountFigure duckCount;
            using (var duck = DuckDbReference.Load(wide))
            {
                duckCount = await CountFigure.MeasureAsync("DuckDB, in memory (reference)", () => Task.FromResult(duck.Count()));
            }

            Check(duckCount.Count, wideCount.Count, "DuckDB's count");
            return new BulkReport
            {
                File = file,
                Seed = options.Seed,
                SqliteCliVersion = version,
                CliImport = cliImport,
                CliDatabaseBytes = cliBytes,
                Sqlite = sqlite,
                WideRows = wide.Rows,
                WideDatabaseBytes = new FileInfo(widePath).Length,
                WidePlan = wide.Plan,
                WideCount = wideCount,
                WideScan = wideScan,
                InMemory = inMemory,
                DuckDbCount = duckCount,
            };
        }
        finally
        {
            File.Delete(file.Path);
        }
    }

    /// <summary>The references must hold the same people and count the same ones, or their ratios mean nothing.</summary>
    private static void Check(long actual, long expected, string what)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{what} is {actual:N0}, expected {expected:N0}: the store and its reference do not hold the same people.");
        }
    }
}
