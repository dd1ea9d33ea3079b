namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// The field keys of a source record, in the record's order, shared by every record with the same keys: an import's
/// records all have one shape, so a kept record pays for its values only, not for a map of its keys.
/// </summary>
internal sealed class FieldShape
{
    private readonly Dictionary<string, int> _index;

    public FieldShape(string[] keys)
    {
        Keys = keys;
        _index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            _index[keys[i]] = i;
        }
    }

    /// <summary>The keys, in the order the record listed them.</summary>
    public string[] Keys { get; }

    /// <summary>The position of a key, or -1.</summary>
    public int IndexOf(string key) => _index.TryGetValue(key, out var at) ? at : -1;
}
