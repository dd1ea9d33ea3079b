using System.Text;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv.Tests;

/// <summary>A temporary directory of CSV files, deleted on dispose.</summary>
internal sealed class TempCsv : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public TempCsv()
    {
        Directory = Path.Combine(Path.GetTempPath(), "audiences-csv-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Writes <paramref name="text"/> as UTF-8, exactly as given (line endings included).</summary>
    public string Write(string text, string name = "people.csv", bool bom = false)
    {
        var path = PathOf(name);
        var bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(path, bom ? [.. Bom, .. bytes] : bytes);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Reads every row of a file.</summary>
    public static async Task<List<SourceRow>> ReadAsync(CsvSourceOptions options)
    {
        var rows = new List<SourceRow>();
        await foreach (var row in new CsvSource(options).ReadAsync())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Reads every row of a person file with default options.</summary>
    public static Task<List<SourceRow>> ReadAsync(string path) => ReadAsync(new CsvSourceOptions(path, EntityKind.Person));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
