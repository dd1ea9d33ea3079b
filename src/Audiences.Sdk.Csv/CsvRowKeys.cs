namespace Audiences.Sdk.Csv;

/// <summary>The field keys of a file's columns in column order, shared by the values of every row.</summary>
internal sealed class CsvRowKeys
{
    private readonly string[] _keys;
    private readonly Dictionary<string, int> _slots;

    public CsvRowKeys(IEnumerable<string> keys)
    {
        _keys = keys.ToArray();
        _slots = new Dictionary<string, int>(_keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < _keys.Length; i++)
        {
            _slots.Add(_keys[i], i);
        }
    }

    public int Count => _keys.Length;

    public string this[int slot] => _keys[slot];

    public bool TryGetSlot(string key, out int slot) => _slots.TryGetValue(key, out slot);
}
