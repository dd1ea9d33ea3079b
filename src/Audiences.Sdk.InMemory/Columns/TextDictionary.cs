using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// The distinct text values of one field, folded once (<see cref="FilterText.Fold"/>) and numbered:
/// a column keeps each row's number, so a text condition is decided once per distinct value and
/// then read per row from a table. A text is an entry of one item, a list of text an entry of its
/// items (text operators treat both alike: a list matches when any item does).
/// </summary>
/// <remarks>Entries are only ever added, so a number stays valid for the life of the store. Entry 0 is "no text".</remarks>
internal sealed class TextDictionary
{
    private readonly List<string[]> _entries = [[]];
    private readonly Dictionary<string[], int> _codes = new(ItemsComparer.Instance);

    /// <summary>How many entries there are, including entry 0.</summary>
    public int Count => _entries.Count;

    /// <summary>The folded items of an entry.</summary>
    public string[] this[int code] => _entries[code];

    /// <summary>The number of a text or list-of-text value, adding it when it is new.</summary>
    public int Intern(FieldValue value)
    {
        string[] items;
        if (value.Type == FieldType.Text)
        {
            items = [FilterText.Fold(value.AsText())];
        }
        else
        {
            var list = value.AsList();
            items = new string[list.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = FilterText.Fold(list[i]);
            }
        }

        if (!_codes.TryGetValue(items, out var code))
        {
            code = _entries.Count;
            _entries.Add(items);
            _codes.Add(items, code);
        }

        return code;
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
