namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// One column of a <see cref="FuzzyRecordTable"/>: a code per row (-1 for empty) into a dictionary
/// of distinct normalized values, and how many rows carry each value. Not thread-safe while rows
/// are added; safe to read from many threads afterwards.
/// </summary>
internal sealed class FuzzyColumn
{
    private readonly List<string> _values = [];
    private readonly List<int> _counts = [];
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private int[] _rows = new int[256];

    /// <summary>The distinct normalized values; a code is an index into this list.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>How many rows carry each value, by code.</summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>How many rows have a non-empty value.</summary>
    public int NonEmptyRows { get; private set; }

    /// <summary>The code of a normalized value; -1 when no row carries it.</summary>
    public int Find(string value) => _codes.TryGetValue(value, out var code) ? code : -1;

    /// <summary>The value code of a row; -1 when empty.</summary>
    public int Code(int row) => _rows[row];

    /// <summary>Appends the value of row <paramref name="row"/> (rows are appended in order).</summary>
    public void Append(int row, string? raw)
    {
        if (row == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }

        _rows[row] = Intern(raw);
    }

    private int Intern(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return -1;
        }

        var buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var normalized = buffer[..FuzzyText.Normalize(raw, buffer)];
        var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(normalized, out var code))
        {
            code = _values.Count;
            var value = new string(normalized);
            _values.Add(value);
            _counts.Add(0);
            _codes.Add(value, code);
        }

        _counts[code]++;
        NonEmptyRows++;
        return code;
    }
}
