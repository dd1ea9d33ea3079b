using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>Imports people through <see cref="IProfileService.ImportAsync"/> with the default settings (batch size 5,000 unless given).</summary>
public static class ImportRunner
{
    /// <summary>Imports the records into the store and checks that every row was accepted.</summary>
    /// <exception cref="InvalidOperationException">A row was rejected: the figures would not be for the whole workload.</exception>
    public static async Task<ImportResult> ImportAsync(BenchStore store, IEnumerable<SourceRecord> records, int? batchSize = null)
    {
        var service = store.Service;
        var rows = records.Select(r => SourceRow.Of(r)).ToAsyncEnumerable();
        var result = await service.ImportAsync(rows, new ImportOptions(EntityKind.Person) { BatchSize = batchSize });
        if (result.Rejected > 0)
        {
            throw new InvalidOperationException($"{result.Rejected} of {result.Read} rows were rejected; first: {(result.Errors.Count > 0 ? result.Errors[0] : null)}");
        }

        return result;
    }
}
