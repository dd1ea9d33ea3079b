using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The SQLite store's side of the bulk run: the workload file imported into a fresh database while its write-ahead
/// log is watched; the file sizes once the store is closed; the filtered count on the store opened again (a new
/// host); and the unchanged re-import of the same file into the store that holds it.
/// </summary>
internal static class SqliteBulkProbe
{
    public static async Task<SqliteBulkFigures> RunAsync(BulkWorkloadFile file, string databasePath, TextWriter log)
    {
        log.WriteLine($"SQLite store: import csv of {file.Rows:N0} rows...");
        var store = BenchStore.Create(StoreKind.Sqlite, databasePath);
        Measurement import;
        ImportResult imported = null!;
        long walPeak, walSamples;
        try
        {
            using var wal = new WalMonitor(databasePath);
            import = await Measurement.RunAsync("import csv → SQLite store", file.Rows, async () => imported = await BulkImport.ImportAsync(store.Service, file));
            wal.Sample();
            await store.DisposeAsync();
            wal.Sample();
            (walPeak, walSamples) = (wal.PeakBytes, wal.Samples);
        }
        finally
        {
            await store.DisposeAsync();
        }

        var databaseBytes = new FileInfo(databasePath).Length;
        var walAfterClose = File.Exists(databasePath + "-wal") ? new FileInfo(databasePath + "-wal").Length : 0;

        log.WriteLine("SQLite store: opened again; counting...");
        await using var reopened = BenchStore.OpenSqlite(databasePath);
        var profiles = await reopened.Service.CountAsync(EntityKind.Person);
        if (profiles != file.People)
        {
            throw new InvalidOperationException($"The store holds {profiles:N0} people after the import; the file has {file.People:N0} distinct people.");
        }

        var filter = await reopened.Service.BindFilterAsync(EntityKind.Person, BulkFilter.Text);
        var count = await CountFigure.MeasureAsync("SQLite store (filter text → CountAsync)", async () => await reopened.Service.CountAsync(filter));

        log.WriteLine("SQLite store: unchanged re-import...");
        ImportResult again = null!;
        Measurement reimport;
        long reimportWalPeak;
        using (var wal = new WalMonitor(databasePath))
        {
            reimport = await Measurement.RunAsync("re-import of the unchanged file → SQLite store", file.Rows, async () => again = await BulkImport.ImportAsync(reopened.Service, file));
            wal.Sample();
            reimportWalPeak = wal.PeakBytes;
        }

        if (again.Unchanged != file.Rows)
        {
            throw new InvalidOperationException($"The re-import of the unchanged file found {file.Rows - again.Unchanged:N0} of {file.Rows:N0} rows changed.");
        }

        return new SqliteBulkFigures
        {
            Import = import,
            ImportResult = imported,
            WalPeakBytes = walPeak,
            WalSamples = walSamples,
            DatabaseBytes = databaseBytes,
            WalAfterCloseBytes = walAfterClose,
            Profiles = profiles,
            Count = count,
            Reimport = reimport,
            ReimportResult = again,
            ReimportWalPeakBytes = reimportWalPeak,
        };
    }
}
