using Audiences.Cli.Cli;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Audiences.Cli.Output;

/// <summary>
/// A table: plain text with aligned columns, or drawn by Spectre.Console when it is written to a terminal.
/// Long cells are cut so a row stays on one line.
/// </summary>
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

    /// <summary>Writes the table: drawn on a terminal, else as plain text whose shape scripts and tests may rely on.</summary>
    public void WriteTo(TextWriter writer, string indent = "")
    {
        if (writer is TerminalWriter terminal)
        {
            terminal.Console.Write(indent.Length == 0 ? Drawn() : new Padder(Drawn(), new Padding(indent.Length, 0, 0, 0)));
            return;
        }

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

    // Detail lines get a column of their own, since a drawn table's cells may hold several lines.
    private Table Drawn()
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < headers.Length; i++)
        {
            table.AddColumn(new TableColumn(new Text(headers[i], new Style(decoration: Decoration.Bold)))
            {
                Alignment = _rightAligned.Contains(i) ? Justify.Right : Justify.Left,
            });
        }

        if (_details.Count > 0)
        {
            table.AddColumn(new TableColumn(Text.Empty));
        }

        for (var i = 0; i < _rows.Count; i++)
        {
            IEnumerable<IRenderable> cells = _rows[i].Select(c => new Text(c));
            if (_details.Count > 0)
            {
                cells = cells.Append(new Text(string.Join('\n', _details.GetValueOrDefault(i) ?? []), new Style(decoration: Decoration.Dim)));
            }

            table.AddRow(cells);
        }

        return table;
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
