using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Audiences.Sdk.Profiles;

/// <summary>
/// A profile's current values as a read-only view over its source records ordered by survivorship.
/// A profile with one source record needs no map at all, which keeps large stores small; with
/// several, a map names the winning record per field.
/// </summary>
internal sealed class SurvivingValues : IReadOnlyDictionary<string, ProfileValue>
{
    private readonly StoredSourceRecord[] _ordered;
    private readonly Dictionary<string, int>? _winners;

    // Counted when first asked (-1 until then): most profiles written by an import are never asked, and counting a
    // record's values means enumerating them. Racing readers compute the same number, so no lock is needed.
    private int _count;

    private SurvivingValues(StoredSourceRecord[] ordered, Dictionary<string, int>? winners, int count)
    {
        _ordered = ordered;
        _winners = winners;
        _count = count;
    }

    public static SurvivingValues Create(StoredSourceRecord[] ordered, SurvivorshipRules? rules = null)
    {
        if (ordered.Length == 1)
        {
            return new SurvivingValues(ordered, null, -1);
        }

        var winners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++)
        {
            foreach (var (key, value) in ordered[i].Record.Values)
            {
                if (!value.IsEmpty)
                {
                    winners.TryAdd(key, i);
                }
            }
        }

        if (rules is not null)
        {
            ApplyOverrides(ordered, rules, winners);
        }

        return new SurvivingValues(ordered, winners, winners.Count);
    }

    /// <summary>For each overridden field that is not locked, the first listed source with a non-empty value wins.</summary>
    private static void ApplyOverrides(StoredSourceRecord[] ordered, SurvivorshipRules rules, Dictionary<string, int> winners)
    {
        foreach (var (field, priority) in rules.FieldSourcePriority)
        {
            // A locked value is never overridden.
            if (!winners.TryGetValue(field, out var winner) || ordered[winner].Record.SourceKind == SourceKind.Manual)
            {
                continue;
            }

            foreach (var source in priority)
            {
                var index = Array.FindIndex(ordered, s =>
                    string.Equals(s.Key.Source, source, StringComparison.Ordinal)
                    && s.Record.Values.TryGetValue(field, out var value) && !value.IsEmpty);
                if (index >= 0)
                {
                    winners[field] = index;
                    break;
                }
            }
        }
    }

    public int Count
    {
        get
        {
            if (_count < 0)
            {
                _count = FieldValues.CountFilled(_ordered[0].Record.Values);
            }

            return _count;
        }
    }

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<ProfileValue> Values => this.Select(pair => pair.Value);

    public ProfileValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The profile has no value for field '{key}'.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ProfileValue value)
    {
        var index = 0;
        if (_winners is not null && !_winners.TryGetValue(key, out index))
        {
            value = default;
            return false;
        }

        var source = _ordered[index];
        if (source.Record.Values.TryGetValue(key, out var field) && !field.IsEmpty)
        {
            value = At(source, field);
            return true;
        }

        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, ProfileValue>> GetEnumerator()
    {
        if (_winners is null)
        {
            var source = _ordered[0];
            foreach (var (key, field) in source.Record.Values)
            {
                if (!field.IsEmpty)
                {
                    yield return new(key, At(source, field));
                }
            }

            yield break;
        }

        foreach (var (key, index) in _winners)
        {
            var source = _ordered[index];
            yield return new(key, At(source, source.Record.Values[key]));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static ProfileValue At(StoredSourceRecord source, FieldValue field) =>
        new(field, source.Key, source.Record.SourceKind, source.ObservedAt);
}
