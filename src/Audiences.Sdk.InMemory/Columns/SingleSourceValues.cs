using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// The current values of a profile with one source record, as a view over that record: each filled value, with
/// the record as its provenance. What survivorship gives a profile of one record, kept without a map.
/// </summary>
internal sealed class SingleSourceValues(StoredSourceRecord source, int count) : IReadOnlyDictionary<string, ProfileValue>
{
    public int Count => count;

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<ProfileValue> Values => this.Select(pair => pair.Value);

    public ProfileValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The profile has no value for field '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ProfileValue value)
    {
        if (source.Record.Values.TryGetValue(key, out var field) && !field.IsEmpty)
        {
            value = At(field);
            return true;
        }

        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, ProfileValue>> GetEnumerator()
    {
        foreach (var (key, field) in source.Record.Values)
        {
            if (!field.IsEmpty)
            {
                yield return new(key, At(field));
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ProfileValue At(FieldValue field) => new(field, source.Key, source.Record.SourceKind, source.ObservedAt);
}
