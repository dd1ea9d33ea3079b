namespace Audiences.Sdk.Tests.Matching.Probabilistic;

/// <summary>A comma-separated test dataset without quoting (all of tests/data qualifies), values trimmed.</summary>
internal sealed class CsvDataset
{
    private readonly Dictionary<string, int> _columns;

    private CsvDataset(string[] header, List<string[]> rows)
    {
        _columns = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        Rows = rows;
    }

    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>Loads a file from the test output's <c>data</c> folder, e.g. <c>febrl/dataset3.csv</c>.</summary>
    public static CsvDataset Load(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", relativePath);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        static string[] Split(string line) => [.. line.Split(',').Select(v => v.Trim())];
        return new CsvDataset(Split(lines[0]), [.. lines.Skip(1).Select(Split)]);
    }

    public string Value(string[] row, string column) => row[_columns[column]];

    public string? NullableValue(string[] row, string column)
    {
        var value = Value(row, column);
        return value.Length == 0 ? null : value;
    }
}
