using System.Numerics;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// The current values of every live profile of one kind, laid out for scanning: one row per
/// profile, one <see cref="FieldColumn"/> per field, and a bitmap of the rows that are live.
/// Kept up to date by the store's commit, under the store's lock.
/// </summary>
/// <remarks>
/// New profiles are appended, and ids grow with creation, so rows are normally in id order and a
/// page of a listing is a scan from the first row after the cursor. A removed profile leaves a
/// dead row; when dead rows outnumber live ones the table is rebuilt in id order.
/// </remarks>
internal sealed class ColumnTable
{
    private const int InitialCapacity = 1024;

    private readonly Dictionary<long, int> _rows = [];
    private readonly Dictionary<string, FieldColumn> _columns = new(StringComparer.Ordinal);
    private long[] _ids = new long[InitialCapacity];
    private ulong[] _live = new ulong[InitialCapacity / 64];
    private int _count;

    /// <summary>Rows in use, live or dead.</summary>
    public int RowCount => _count;

    /// <summary>Whether rows are in ascending id order.</summary>
    public bool IsSorted { get; private set; } = true;

    /// <summary>One bit per row: set when the row holds a live profile.</summary>
    public ReadOnlySpan<ulong> Live => _live;

    /// <summary>The profile id of each row.</summary>
    public ReadOnlySpan<long> Ids => _ids.AsSpan(0, _count);

    /// <summary>The column of a field, or null when no profile ever had a value for it.</summary>
    public FieldColumn? Column(string field) => _columns.GetValueOrDefault(field);

    /// <summary>Whether the table holds the profile.</summary>
    public bool Contains(long id) => _rows.ContainsKey(id);

    /// <summary>Stores a profile's current values, replacing what its row held.</summary>
    public void Upsert(Profile profile)
    {
        var id = profile.Id.Value;
        if (_rows.TryGetValue(id, out var row))
        {
            foreach (var column in _columns.Values)
            {
                column.Clear(row);
            }
        }
        else
        {
            row = Append(id);
        }

        foreach (var (key, value) in profile.Values)
        {
            if (value.Value.IsEmpty)
            {
                continue;
            }

            if (!_columns.TryGetValue(key, out var column))
            {
                column = new FieldColumn(_ids.Length);
                _columns.Add(key, column);
            }

            column.Set(row, value.Value);
        }
    }

    /// <summary>Removes a profile; false when the table does not hold it.</summary>
    public bool Remove(long id)
    {
        if (!_rows.Remove(id, out var row))
        {
            return false;
        }

        foreach (var column in _columns.Values)
        {
            column.Clear(row);
        }

        _live[row >> 6] &= ~(1UL << row);
        if (_count >= InitialCapacity && _rows.Count < _count / 2)
        {
            Compact();
        }

        return true;
    }

    /// <summary>The first row whose id is larger than <paramref name="afterId"/>; only meaningful when <see cref="IsSorted"/>.</summary>
    public int FirstRowAfter(long afterId)
    {
        var at = Ids.BinarySearch(afterId);
        return at >= 0 ? at + 1 : ~at;
    }

    private int Append(long id)
    {
        if (_count == _ids.Length)
        {
            var capacity = _ids.Length * 2;
            Array.Resize(ref _ids, capacity);
            Array.Resize(ref _live, capacity / 64);
            foreach (var column in _columns.Values)
            {
                column.Grow(capacity);
            }
        }

        if (_count > 0 && _ids[_count - 1] > id)
        {
            // A profile restored by an undo comes back with its old, smaller id.
            IsSorted = false;
        }

        var row = _count++;
        _ids[row] = id;
        _live[row >> 6] |= 1UL << row;
        _rows[id] = row;
        return row;
    }

    /// <summary>Drops dead rows and puts the live ones in id order.</summary>
    private void Compact()
    {
        var rows = _rows.OrderBy(p => p.Key).Select(p => p.Value).ToArray();
        var capacity = Math.Max(InitialCapacity, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, rows.Length * 2)));
        var ids = new long[capacity];
        var live = new ulong[capacity / 64];
        _rows.Clear();
        for (var i = 0; i < rows.Length; i++)
        {
            ids[i] = _ids[rows[i]];
            live[i >> 6] |= 1UL << i;
            _rows[ids[i]] = i;
        }

        foreach (var column in _columns.Values)
        {
            column.Remap(rows, capacity);
        }

        _ids = ids;
        _live = live;
        _count = rows.Length;
        IsSorted = true;
    }
}
