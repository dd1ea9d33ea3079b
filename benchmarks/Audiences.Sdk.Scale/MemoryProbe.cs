using Audiences.Sdk.Benchmarks.Workload;

namespace Audiences.Sdk.Scale;

/// <summary>Measures what the in-memory store keeps: live heap after the import minus live heap before it.</summary>
internal static class MemoryProbe
{
    /// <summary>
    /// Imports freshly generated people into an empty store and returns the live heap growth. The
    /// records are generated while they are imported, so the source records the store keeps as
    /// provenance are counted, as they would be for a file read from disk.
    /// </summary>
    public static async Task<long> MeasureStoreBytesAsync(int rows, int seed)
    {
        using var store = BenchStore.InMemory();
        Measurement.FullCollect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await ImportRunner.ImportAsync(store, PersonGenerator.Generate(rows, seed));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(store);
        return after - before;
    }
}
