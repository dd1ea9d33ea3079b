using Audiences.Sdk.Csv;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The workload file through the SDK's CSV import with the settings <c>import csv --kind person --file F</c> of the
/// sample CLI uses: source named after the file, rows keyed by their row number, field types inferred, matching on
/// the default aliases (email and LinkedIn URL), the default batch size.
/// </summary>
internal static class BulkImport
{
    /// <summary>Imports the file; checks that no row was rejected.</summary>
    /// <exception cref="InvalidOperationException">A row was rejected: the figures would not be for the whole file.</exception>
    public static async Task<ImportResult> ImportAsync(IProfileService profiles, BulkWorkloadFile file)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(file);
        var result = await profiles.ImportCsvAsync(Source(file), new ImportOptions(EntityKind.Person));
        return Checked(result, file);
    }

    /// <summary>The file's rows read through the CSV source, as <see cref="ImportAsync"/> would read them.</summary>
    public static async Task<List<SourceRow>> ReadAsync(BulkWorkloadFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var rows = new List<SourceRow>(file.Rows);
        await foreach (var row in new CsvSource(Source(file)).ReadAsync())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Imports rows already read, with the same import options.</summary>
    public static async Task<ImportResult> ImportRowsAsync(IProfileService profiles, IReadOnlyList<SourceRow> rows, BulkWorkloadFile file)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(rows);
        var result = await profiles.ImportAsync(rows.ToAsyncEnumerable(), new ImportOptions(EntityKind.Person));
        return Checked(result, file);
    }

    private static CsvSourceOptions Source(BulkWorkloadFile file) => new(file.Path, EntityKind.Person);

    private static ImportResult Checked(ImportResult result, BulkWorkloadFile file) =>
        result.Rejected > 0 || result.Read != file.Rows
            ? throw new InvalidOperationException(
                $"The import read {result.Read:N0} of {file.Rows:N0} rows and rejected {result.Rejected:N0}; first error: {(result.Errors.Count > 0 ? result.Errors[0] : null)}")
            : result;
}
