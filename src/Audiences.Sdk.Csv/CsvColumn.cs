using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv;

/// <summary>One column of a CSV file as resolved against the options: the field it fills and the type of its values.</summary>
internal sealed class CsvColumn(int index, string header)
{
    /// <summary>The 0-based position of the column.</summary>
    public int Index { get; } = index;

    /// <summary>The header as written (trimmed).</summary>
    public string Header { get; } = header;

    /// <summary>The field key the column fills; null for the id column.</summary>
    public string? Field { get; set; }

    /// <summary>The type the values are parsed as; null until inferred.</summary>
    public FieldType? Type { get; set; }

    /// <summary>Whether <see cref="Type"/> was inferred from the values rather than given.</summary>
    public bool Inferred { get; set; }

    /// <summary>The column as messages name it, e.g. <c>column 3 'Work E-mail'</c>.</summary>
    public override string ToString() =>
        Header.Length == 0 ? $"column {Index + 1} (no header)" : $"column {Index + 1} '{Header}'";
}
