namespace Audiences.Cli.Output;

/// <summary>A plain text table with aligned columns; long cells are cut so a row stays on one line.</summary>
internal sealed class TextTable(params string[] headers)
{
    private const int MaxCellWidth = 60;

    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _rightAligned = [];
    private readonly Dictionary<int, List<string>> _details = [];

    /// <summary>Right-aligns the given columns (numbers).</summary>
    public TextTable AlignRight(params int[] columns)
    {
        _rightAligned.UnionWith(columns);
        return this;
    }

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the table has {headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells.Select(Cut).ToArray());
    }

    /// <summary>
    /// Adds a line under the last row, indented and outside the columns (so it neither widens nor is
    /// cut by them), e.g. the evidence behind a scored pair.
    /// </summary>
    /// <exception cref="InvalidOperationException">No row was added yet.</exception>
    public void AddDetail(string line)
    {
        if (_rows.Count == 0)
        {
            throw new InvalidOperationException("A detail line belongs under a row; add the row first.");
        }

        if (!_details.TryGetValue(_rows.Count - 1, out var lines))
        {
            _details[_rows.Count - 1] = lines = [];
        }

        lines.Add(Formats.OneLine(line));
    }

    public void WriteTo(TextWriter writer, string indent = "")
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteRow(writer, indent, headers, widths);
        for (var i = 0; i < _rows.Count; i++)
        {
            WriteRow(writer, indent, _rows[i], widths);
            foreach (var line in _details.GetValueOrDefault(i) ?? [])
            {
                writer.WriteLine($"{indent}    {line}".TrimEnd());
            }
        }
    }

    private void WriteRow(TextWriter writer, string indent, string[] cells, int[] widths)
    {
        var parts = cells.Select((c, i) => _rightAligned.Contains(i) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
        writer.WriteLine((indent + string.Join("  ", parts)).TrimEnd());
    }

    private static string Cut(string cell)
    {
        var text = Formats.OneLine(cell);
        return text.Length <= MaxCellWidth ? text : string.Concat(text.AsSpan(0, MaxCellWidth - 3), "...");
    }
}
