using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The in-memory store's side of the bulk run: the workload file imported into an empty store (the heap it keeps,
/// counting the parsed records it keeps as provenance), the first filtered count after that import and the warm
/// counts; then the same rows read beforehand and imported into another empty store, which times the store
/// without the CSV parser.
/// </summary>
internal static class InMemoryBulkProbe
{
    public static async Task<InMemoryBulkFigures> RunAsync(BulkWorkloadFile file, TextWriter log)
    {
        log.WriteLine($"In-memory store: import csv of {file.Rows:N0} rows...");
        Measurement fileImport;
        long storeBytes, storeBytesAfterFilter, profiles;
        CountFigure count;
        using (var store = BenchStore.InMemory())
        {
            Measurement.FullCollect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            fileImport = await Measurement.RunAsync("import csv → in-memory store", file.Rows, () => BulkImport.ImportAsync(store.Service, file));
            storeBytes = GC.GetTotalMemory(forceFullCollection: true) - before;

            log.WriteLine("In-memory store: counting...");
            var filter = await store.Service.BindFilterAsync(EntityKind.Person, BulkFilter.Text);
            count = await CountFigure.MeasureAsync("in-memory store (filter text → CountAsync)", async () => await store.Service.CountAsync(filter));
            profiles = await store.Service.CountAsync(EntityKind.Person);
            Measurement.FullCollect();
            storeBytesAfterFilter = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(store);
        }

        log.WriteLine("In-memory store: reading the rows, then importing them...");
        var rows = await BulkImport.ReadAsync(file);
        Measurement rowsImport;
        using (var store = BenchStore.InMemory())
        {
            rowsImport = await Measurement.RunAsync("rows already read → in-memory store", file.Rows, () => BulkImport.ImportRowsAsync(store.Service, rows, file));
        }

        return new InMemoryBulkFigures
        {
            FileImport = fileImport,
            StoreBytes = storeBytes,
            StoreBytesAfterFilter = storeBytesAfterFilter,
            Profiles = profiles,
            Count = count,
            RowsImport = rowsImport,
        };
    }
}
