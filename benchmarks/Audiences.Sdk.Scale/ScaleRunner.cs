using System.Text;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Scale;

/// <summary>
/// Runs every figure of the scale run once, in a fixed order, each beside its reference measured in
/// the same process: the raw SQLite insert for the imports, the first import for the re-import and
/// the plain split for the CSV source. Progress goes to <paramref name="log"/>.
/// </summary>
internal sealed class ScaleRunner(ScaleOptions options, TextWriter log)
{
    public async Task<ScaleReport> RunAsync()
    {
        var report = new ScaleReport(options);
        using var workspace = new Workspace(options.WorkDirectory);
        log.WriteLine($"Work folder: {workspace.Root}");
        await WarmUpAsync(workspace);

        long inputBytes;
        SourceRecord[] records;
        {
            log.WriteLine($"Generating {options.Rows:N0} people (seed {options.Seed})...");
            Measurement.FullCollect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            records = PersonGenerator.GenerateArray(options.Rows, options.Seed);
            inputBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        }

        (report.FieldBytesPerRow, report.CsvBytesPerRow) = RowSizes(records);

        await MeasureImportsAsync(report, workspace, records);
        await MeasureReimportsAsync(report, workspace, records[..options.EffectiveReimportRows]);
        if (options.Breakdown)
        {
            await MeasureBreakdownsAsync(report, workspace, records);
        }

        records = [];
        if (options.Stores.Contains(StoreKind.InMemory))
        {
            log.WriteLine($"Memory: importing {options.Rows:N0} people into an empty in-memory store...");
            var storeBytes = await MemoryProbe.MeasureStoreBytesAsync(options.Rows, options.Seed);
            report.Memory = new MemoryFigure(options.Rows, storeBytes, inputBytes);
        }

        if (options.Csv)
        {
            report.Csv.AddRange(await CsvProbe.MeasureAsync(workspace, options.Rows, options.Seed, log));
        }

        return report;
    }

    private async Task MeasureImportsAsync(ScaleReport report, Workspace workspace, SourceRecord[] records)
    {
        log.WriteLine($"Raw SQLite insert of {records.Length:N0} rows...");
        report.RawInsert = await RawAsync(workspace.PathOf("raw.db"), records);
        foreach (var kind in options.Stores)
        {
            log.WriteLine($"Import of {records.Length:N0} rows into {kind}...");
            var path = workspace.PathOf($"import-{kind}.db");
            try
            {
                var store = BenchStore.Create(kind, path);
                Measurement import;
                try
                {
                    import = await Measurement.RunAsync($"Import → {kind}", records.Length, () => ImportRunner.ImportAsync(store, records, options.BatchSize));
                }
                finally
                {
                    await store.DisposeAsync();
                }

                // Measured after the store is closed, so the WAL has been checkpointed into the file.
                report.Imports.Add((kind.ToString(), import, kind == StoreKind.Sqlite ? DiskBytes(path) : null));
            }
            finally
            {
                Workspace.DeleteDatabase(path);
            }
        }

        Workspace.DeleteDatabase(workspace.PathOf("raw.db"));
    }

    private async Task MeasureReimportsAsync(ScaleReport report, Workspace workspace, SourceRecord[] records)
    {
        log.WriteLine($"Raw SQLite insert of {records.Length:N0} rows...");
        report.RawReinsert = await RawAsync(workspace.PathOf("raw-reimport.db"), records);
        Workspace.DeleteDatabase(workspace.PathOf("raw-reimport.db"));
        foreach (var kind in options.Stores)
        {
            log.WriteLine($"Import and unchanged re-import of {records.Length:N0} rows into {kind}...");
            var path = workspace.PathOf($"reimport-{kind}.db");
            var store = BenchStore.Create(kind, path);
            try
            {
                var first = await Measurement.RunAsync($"First import → {kind}", records.Length, () => ImportRunner.ImportAsync(store, records, options.BatchSize));
                var again = await Measurement.RunAsync($"Re-import (unchanged) → {kind}", records.Length, async () =>
                {
                    var result = await ImportRunner.ImportAsync(store, records, options.BatchSize);
                    if (result.Unchanged != records.Length)
                    {
                        throw new InvalidOperationException($"The re-import changed {records.Length - result.Unchanged} of {records.Length} unchanged rows.");
                    }
                });
                report.Reimports.Add((kind.ToString(), first, again));
            }
            finally
            {
                await store.DisposeAsync();
                Workspace.DeleteDatabase(path);
            }
        }
    }

    private async Task MeasureBreakdownsAsync(ScaleReport report, Workspace workspace, SourceRecord[] records)
    {
        foreach (var kind in options.Stores)
        {
            log.WriteLine($"Breakdown: import of {records.Length:N0} rows into {kind}, store calls timed...");
            var path = workspace.PathOf($"breakdown-{kind}.db");
            var stages = new StageTimes();
            var store = BenchStore.Create(kind, path, b => Timed(b, stages));
            try
            {
                var import = await Measurement.RunAsync($"Import → {kind} (timed calls)", records.Length, () => ImportRunner.ImportAsync(store, records, options.BatchSize));
                report.Breakdowns.Add(new StoreBreakdown(kind.ToString(), import, stages));
            }
            finally
            {
                await store.DisposeAsync();
                Workspace.DeleteDatabase(path);
            }
        }
    }

    /// <summary>
    /// Runs every measured path once on a few rows, so JIT compilation, native library loading and
    /// first-use initialization are not charged to whichever figure happens to come first.
    /// </summary>
    private async Task WarmUpAsync(Workspace workspace)
    {
        log.WriteLine("Warming up...");
        var records = PersonGenerator.GenerateArray(Math.Min(options.Rows, 1_000), options.Seed);
        await RawAsync(workspace.PathOf("warmup-raw.db"), records);
        Workspace.DeleteDatabase(workspace.PathOf("warmup-raw.db"));
        foreach (var kind in options.Stores)
        {
            var path = workspace.PathOf($"warmup-{kind}.db");
            var store = BenchStore.Create(kind, path);
            try
            {
                await ImportRunner.ImportAsync(store, records);
            }
            finally
            {
                await store.DisposeAsync();
                Workspace.DeleteDatabase(path);
            }

            var timed = BenchStore.Create(kind, path, b => Timed(b, new StageTimes()));
            try
            {
                await ImportRunner.ImportAsync(timed, records);
            }
            finally
            {
                await timed.DisposeAsync();
                Workspace.DeleteDatabase(path);
            }
        }

        if (options.Csv)
        {
            var path = workspace.PathOf("warmup.csv");
            PersonCsvWriter.Write(path, records);
            CsvParse.ReadLinesSplit(path);
            await CsvParse.ReadAllAsync(CsvParse.OptionsFor(path));
            await CsvParse.ReadAllAsync(CsvParse.OptionsFor(path, knownTypes: false));
            File.Delete(path);
        }
    }

    private static Task<Measurement> RawAsync(string path, SourceRecord[] records) =>
        Measurement.RunAsync("Raw SQLite insert (reference)", records.Length, () =>
        {
            Workspace.DeleteDatabase(path);
            RawSqliteInsert.Run(path, records);
            return Task.CompletedTask;
        });

    private static long DiskBytes(string path) =>
        new[] { path, path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);

    /// <summary>The average size of a row: its ten values alone, and as a CSV line with the id, separators and line break.</summary>
    private static (double Fields, double Csv) RowSizes(SourceRecord[] records)
    {
        long fields = 0, lines = 0;
        foreach (var row in records)
        {
            var values = PersonFields.All.Sum(f => Encoding.UTF8.GetByteCount(PersonCsvWriter.FormatValue(row, f)));
            fields += values;
            lines += values + Encoding.UTF8.GetByteCount(row.Key.ExternalId) + PersonFields.All.Count + 1;
        }

        return records.Length == 0 ? (0, 0) : ((double)fields / records.Length, (double)lines / records.Length);
    }

    /// <summary>Times the store calls an import makes: write sessions, merges appended, catalog reads and writes.</summary>
    private static void Timed(IAudiencesBuilder builder, StageTimes stages) =>
        builder
            .DecorateStore<IProfileStore>((inner, _) => new TimedProfileStore(inner, stages))
            .DecorateStore<IMergeLedger>((inner, _) => new TimedMergeLedger(inner, stages))
            .DecorateStore<IFieldCatalog>((inner, _) => new TimedFieldCatalog(inner, stages));
}
