using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// The distinct text values of one field, numbered: a column keeps each row's number, so a text
/// condition is decided once per distinct value and then read per row from a table. A text is an
/// entry of one item, a list of text an entry of its items (text operators treat both alike: a
/// list matches when any item does).
/// </summary>
/// <remarks>
/// An entry holds the profile's own string (or list) as given, so a value costs no copy; its folded
/// form (<see cref="FilterText.Fold"/>) is worked out once, the first time a text condition on the
/// field reads it. Two spellings that fold alike are two entries, decided alike. Entries are only
/// ever added, so a number stays valid for the life of the store. Entry 0 is "no text".
/// </remarks>
internal sealed class TextDictionary
{
    private readonly List<object> _values = [Array.Empty<string>()];
    private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string[], int> _lists = new(ItemsComparer.Instance);

    // The folded form of each entry decided so far: a string, or a string[] for a list.
    private object?[] _folded = [];

    /// <summary>How many entries there are, including entry 0.</summary>
    public int Count => _values.Count;

    /// <summary>The number of a text or list-of-text value, adding it when it is new.</summary>
    public int Intern(FieldValue value)
    {
        if (value.Type == FieldType.Text)
        {
            var text = value.AsText();
            if (!_texts.TryGetValue(text, out var code))
            {
                code = Add(text);
                _texts.Add(text, code);
            }

            return code;
        }

        var items = (string[])value.AsList();
        if (!_lists.TryGetValue(items, out var listCode))
        {
            listCode = Add(items);
            _lists.Add(items, listCode);
        }

        return listCode;
    }

    /// <summary>The text value of a text entry, as first interned (so equal texts share one string).</summary>
    public FieldValue TextOf(int code) => FieldValue.FromText((string)_values[code]);

    /// <summary>Whether any folded item of an entry satisfies <paramref name="test"/> (never for entry 0).</summary>
    public bool Any(int code, Func<string, bool> test)
    {
        if (code >= _folded.Length)
        {
            Array.Resize(ref _folded, Math.Max(_values.Count, _folded.Length * 2));
        }

        var folded = _folded[code] ??= Fold(_values[code]);
        if (folded is string text)
        {
            return test(text);
        }

        foreach (var item in (string[])folded)
        {
            if (test(item))
            {
                return true;
            }
        }

        return false;
    }

    private int Add(object value)
    {
        _values.Add(value);
        return _values.Count - 1;
    }

    private static object Fold(object value)
    {
        if (value is string text)
        {
            return FilterText.Fold(text);
        }

        var items = (string[])value;
        var folded = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            folded[i] = FilterText.Fold(items[i]);
        }

        return folded;
    }

    private sealed class ItemsComparer : IEqualityComparer<string[]>
    {
        public static readonly ItemsComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var item in obj)
            {
                hash.Add(item, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
