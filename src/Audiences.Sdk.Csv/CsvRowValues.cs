using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv;

/// <summary>
/// The values of one row by field key: the keys are the file's, shared by every row, and the values
/// sit in one array in column order, empty for empty cells (which the dictionary leaves out). One
/// array per row instead of a hash table keeps reading fast and the records of a batch small.
/// </summary>
internal sealed class CsvRowValues : IReadOnlyDictionary<string, FieldValue>
{
    private readonly CsvRowKeys _keys;
    private readonly FieldValue[] _values;

    /// <param name="keys">The file's keys.</param>
    /// <param name="values">A value per key, empty where the row has none; owned by this instance from now on.</param>
    /// <param name="count">How many values are not empty.</param>
    public CsvRowValues(CsvRowKeys keys, FieldValue[] values, int count)
    {
        _keys = keys;
        _values = values;
        Count = count;
    }

    public int Count { get; }

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<FieldValue> Values => _values.Where(value => !value.IsEmpty);

    public FieldValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The row has no value for the field '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FieldValue value)
    {
        if (key is not null && _keys.TryGetSlot(key, out var slot) && !_values[slot].IsEmpty)
        {
            value = _values[slot];
            return true;
        }

        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, FieldValue>> GetEnumerator()
    {
        for (var slot = 0; slot < _values.Length; slot++)
        {
            if (!_values[slot].IsEmpty)
            {
                yield return new KeyValuePair<string, FieldValue>(_keys[slot], _values[slot]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
