namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// The records to match, stored by column: fixed field names, and rows that each carry a caller id
/// and one value per field. Values are normalized once when added (trimmed, lower-cased with the
/// invariant culture, runs of white space collapsed; blank is empty) and each distinct value is
/// stored once. Not thread-safe while rows are added; any number of threads may read (train,
/// score) once adding is done.
/// </summary>
internal sealed class FuzzyRecordTable
{
    private readonly FuzzyColumn[] _columns;
    private readonly Dictionary<string, int> _fieldIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _rowsById = [];
    private long[] _ids = new long[256];

    /// <summary>Creates an empty table with the given fields.</summary>
    /// <param name="fields">The field names, distinct and not blank; compared ordinally.</param>
    /// <exception cref="ArgumentException">There is no field, a field is blank, or a field appears twice.</exception>
    public FuzzyRecordTable(IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var names = fields.ToArray();
        if (names.Length == 0)
        {
            throw new ArgumentException("A record table needs at least one field.", nameof(fields));
        }

        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || !_fieldIndex.TryAdd(name, _fieldIndex.Count))
            {
                throw new ArgumentException($"Field '{name}' is blank or appears twice; give each field one distinct name.", nameof(fields));
            }
        }

        Fields = names;
        _columns = [.. names.Select(_ => new FuzzyColumn())];
    }

    /// <summary>The field names, in the order values are given to <see cref="Add"/>.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>How many rows the table holds.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a row.</summary>
    /// <param name="id">The caller's id of the record; unique within the table.</param>
    /// <param name="values">One value per field, in the order of <see cref="Fields"/>; null or blank is empty.</param>
    /// <returns>The row index (rows are numbered from 0 in the order they are added).</returns>
    /// <exception cref="ArgumentException">The number of values differs from the number of fields, or the id is already in the table.</exception>
    public int Add(long id, params ReadOnlySpan<string?> values)
    {
        if (values.Length != _columns.Length)
        {
            throw new ArgumentException($"Record {id} has {values.Length} values; the table has {_columns.Length} fields ({string.Join(", ", Fields)}).", nameof(values));
        }

        var row = Count;
        if (!_rowsById.TryAdd(id, row))
        {
            throw new ArgumentException($"Record id {id} is already in the table (row {_rowsById[id]}); ids must be unique.", nameof(id));
        }

        if (row == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
        }

        _ids[row] = id;
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Append(row, values[i]);
        }

        Count = row + 1;
        return row;
    }

    /// <summary>The caller id of a row.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the table.</exception>
    public long GetId(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return _ids[row];
    }

    /// <summary>Finds the row of a caller id.</summary>
    public bool TryGetRow(long id, out int row) => _rowsById.TryGetValue(id, out row);

    /// <summary>The normalized value of a row's field; null when empty.</summary>
    /// <exception cref="ArgumentException">The table has no such field.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the table.</exception>
    public string? GetValue(int row, string field)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        var column = Column(FieldIndex(field));
        var code = column.Code(row);
        return code < 0 ? null : column.Values[code];
    }

    /// <summary>The position of a field in <see cref="Fields"/>.</summary>
    /// <exception cref="ArgumentException">The table has no such field.</exception>
    public int FieldIndex(string field) =>
        _fieldIndex.TryGetValue(field, out var index)
            ? index
            : throw new ArgumentException($"The record table has no field '{field}'; its fields are {string.Join(", ", Fields)}.", nameof(field));

    internal FuzzyColumn Column(int index) => _columns[index];
}
