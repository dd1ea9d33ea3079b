using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// A kept source record's values: one array of values beside a <see cref="FieldShape"/> shared with the other
/// records of the same keys, instead of a dictionary per record. Text values are the column dictionary's own
/// strings, so a text repeated across records is kept once.
/// </summary>
internal sealed class CompactValues(FieldShape shape, FieldValue[] values) : IReadOnlyDictionary<string, FieldValue>
{
    public int Count => values.Length;

    public IEnumerable<string> Keys => shape.Keys;

    public IEnumerable<FieldValue> Values => values;

    public FieldValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The record has no value for field '{key}'.");

    public bool ContainsKey(string key) => shape.IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FieldValue value)
    {
        var at = shape.IndexOf(key);
        value = at >= 0 ? values[at] : default;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, FieldValue>> GetEnumerator()
    {
        var keys = shape.Keys;
        for (var i = 0; i < keys.Length; i++)
        {
            yield return new(keys[i], values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
