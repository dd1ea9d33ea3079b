using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Scale;

/// <summary>Parse rates of the CSV source over a generated file, beside <c>File.ReadLines</c> and <c>string.Split</c>.</summary>
internal static class CsvProbe
{
    public static async Task<IReadOnlyList<CsvFigure>> MeasureAsync(Workspace workspace, int rows, int seed, TextWriter log)
    {
        var path = workspace.PathOf("people.csv");
        log.WriteLine($"CSV: writing {rows:N0} rows...");
        var bytes = PersonCsvWriter.Write(path, PersonGenerator.Generate(rows, seed));
        try
        {
            log.WriteLine("CSV: reading...");
            var reference = await Measurement.RunAsync("File.ReadLines + Split (reference)", rows, () => Task.FromResult(CsvParse.ReadLinesSplit(path)));
            var known = await Measurement.RunAsync("CsvSource, field types known", rows, () => CsvParse.ReadAllAsync(CsvParse.OptionsFor(path)));
            var inferred = await Measurement.RunAsync("CsvSource, field types inferred", rows, () => CsvParse.ReadAllAsync(CsvParse.OptionsFor(path, knownTypes: false)));
            log.WriteLine("CSV: importing the file into an in-memory store...");
            var imported = await Measurement.RunAsync("ImportCsvAsync → InMemory", rows, () => ImportFileAsync(path));
            return [new(reference, reference, bytes), new(known, reference, bytes), new(inferred, reference, bytes), new(imported, reference, bytes)];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task ImportFileAsync(string path)
    {
        using var store = BenchStore.InMemory();
        var service = store.Service;
        var result = await service.ImportCsvAsync(CsvParse.OptionsFor(path, knownTypes: false), new ImportOptions(EntityKind.Person));
        if (result.Rejected > 0)
        {
            throw new InvalidOperationException($"{result.Rejected} CSV rows were rejected; first: {(result.Errors.Count > 0 ? result.Errors[0] : null)}");
        }
    }
}
