using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// The current values of every live profile of one kind, laid out for scanning: one row per
/// profile, a bitmap of the rows that are live, and one <see cref="FieldColumn"/> per field any
/// profile has held. Kept up to date by <see cref="ColumnTables"/> on every commit, under the store's lock.
/// </summary>
/// <remarks>
/// Rows are in ascending id order whenever a filter reads the table, so a row is found by binary
/// search (no per-row index) and a page of a listing is a scan from the first row after the cursor.
/// New profiles are appended (ids grow with creation); a profile restored with an old id is
/// appended too and <see cref="Settle"/> puts the rows back in order. A removed profile leaves a
/// dead row; when dead rows outnumber live ones <see cref="Settle"/> drops them.
/// </remarks>
internal sealed class ColumnTable(FieldShapes shapes)
{
    private const int InitialCapacity = 1024;

    private readonly Dictionary<string, FieldColumn> _columns = new(StringComparer.Ordinal);
    private long[] _ids = new long[InitialCapacity];
    private ulong[] _live = new ulong[InitialCapacity / 64];
    private int _count;
    private int _liveCount;

    // Rows [0, _sorted) are in ascending id order; rows after it were appended out of order.
    private int _sorted;

    /// <summary>Rows in use, live or dead.</summary>
    public int RowCount => _count;

    /// <summary>One bit per row: set when the row holds a live profile.</summary>
    public ReadOnlySpan<ulong> Live => _live;

    /// <summary>The profile id of each row, ascending.</summary>
    public ReadOnlySpan<long> Ids => _ids.AsSpan(0, _count);

    /// <summary>
    /// The column of a field. Every field a profile holds has its column from the commit that wrote it;
    /// a field no profile has held gets an empty one, kept from then on.
    /// </summary>
    public FieldColumn Column(string field)
    {
        if (!_columns.TryGetValue(field, out var column))
        {
            column = new FieldColumn(_ids.Length);
            _columns.Add(field, column);
        }

        return column;
    }

    /// <summary>Makes room for <paramref name="rows"/> more rows at once.</summary>
    public void Reserve(int rows)
    {
        var needed = _count + rows;
        if (needed > _ids.Length)
        {
            // At least doubled, so that a commit after commit reserving its own rows copies the columns O(log n) times.
            Resize(Math.Max((needed + 63) & ~63, _ids.Length * 2));
        }
    }

    /// <summary>
    /// Stores a profile's current values, replacing what its row held; returns the profile to keep, which is
    /// <paramref name="profile"/> or the same profile with its source record kept compactly.
    /// </summary>
    public Profile Upsert(Profile profile)
    {
        var id = profile.Id.Value;
        var row = _count > 0 && _sorted == _count && id > _ids[_count - 1] ? -1 : Find(id);
        if (row < 0)
        {
            row = AppendRow(id);
        }
        else
        {
            foreach (var column in _columns.Values)
            {
                column.Clear(row);
            }

            if ((_live[row >> 6] & (1UL << row)) == 0)
            {
                _live[row >> 6] |= 1UL << row;
                _liveCount++;
            }
        }

        return Write(row, profile);
    }

    /// <summary>Removes a profile; false when the table does not hold it.</summary>
    public bool Remove(long id)
    {
        var row = Find(id);
        if (row < 0 || (_live[row >> 6] & (1UL << row)) == 0)
        {
            return false;
        }

        foreach (var column in _columns.Values)
        {
            column.Clear(row);
        }

        _live[row >> 6] &= ~(1UL << row);
        _liveCount--;
        return true;
    }

    /// <summary>Puts the rows back in id order after out-of-order appends, and drops dead rows when they outnumber live ones.</summary>
    public void Settle()
    {
        if (_sorted < _count || (_count >= InitialCapacity && _liveCount < _count / 2))
        {
            Compact();
        }

        _sorted = _count;
    }

    /// <summary>The first row whose id is larger than <paramref name="afterId"/>.</summary>
    public int FirstRowAfter(long afterId)
    {
        var at = Ids.BinarySearch(afterId);
        return at >= 0 ? at + 1 : ~at;
    }

    /// <summary>The row of an id among the rows in order, or -1.</summary>
    private int Find(long id)
    {
        var at = _ids.AsSpan(0, _sorted).BinarySearch(id);
        return at >= 0 ? at : -1;
    }

    private int AppendRow(long id)
    {
        if (_count == _ids.Length)
        {
            Resize(_ids.Length * 2);
        }

        var inOrder = _sorted == _count && (_count == 0 || _ids[_count - 1] < id);
        var row = _count++;
        _ids[row] = id;
        _live[row >> 6] |= 1UL << row;
        _liveCount++;
        if (inOrder)
        {
            _sorted = _count;
        }

        return row;
    }

    /// <summary>Writes a profile's values into their columns (a row starts empty in every column).</summary>
    private Profile Write(int row, Profile profile)
    {
        if (profile.Sources is [var only] && HasValuesOf(profile, only))
        {
            return WriteCompact(row, profile, only);
        }

        foreach (var (field, value) in profile.Values)
        {
            if (!value.Value.IsEmpty)
            {
                Column(field).Set(row, value.Value);
            }
        }

        return profile;
    }

    /// <summary>
    /// Writes the values of a profile of one source record from the record, and keeps the record with its values
    /// in an array of the shared shape, the texts being the columns' own strings.
    /// </summary>
    private Profile WriteCompact(int row, Profile profile, StoredSourceRecord only)
    {
        var record = only.Record;
        var keys = new string[record.Values.Count];
        var values = new FieldValue[keys.Length];
        var i = 0;
        var filled = 0;
        foreach (var (key, value) in record.Values)
        {
            keys[i] = key;
            values[i++] = value.IsEmpty ? value : Column(key).Set(row, value);
            filled += value.IsEmpty ? 0 : 1;
        }

        var stored = only with { Record = record with { Values = new CompactValues(shapes.Of(keys), values) } };
        return profile with { Values = new SingleSourceValues(stored, filled), Sources = [stored] };
    }

    /// <summary>Whether a profile's values are exactly its one record's filled values, with that record as their provenance.</summary>
    private static bool HasValuesOf(Profile profile, StoredSourceRecord only)
    {
        var record = only.Record;
        var filled = 0;
        foreach (var (key, value) in record.Values)
        {
            if (value.IsEmpty)
            {
                continue;
            }

            filled++;
            if (!profile.Values.TryGetValue(key, out var current)
                || current.Value != value
                || current.Source != only.Key
                || current.SourceKind != record.SourceKind
                || current.ObservedAt != only.ObservedAt)
            {
                return false;
            }
        }

        return filled == profile.Values.Count;
    }

    private void Resize(int capacity)
    {
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _live, capacity / 64);
        foreach (var column in _columns.Values)
        {
            column.Grow(capacity);
        }
    }

    /// <summary>Drops dead rows and puts the live ones in id order.</summary>
    private void Compact()
    {
        var order = new int[_liveCount];
        var ids = new long[_liveCount];
        for (int row = 0, n = 0; row < _count; row++)
        {
            if ((_live[row >> 6] & (1UL << row)) != 0)
            {
                order[n] = row;
                ids[n++] = _ids[row];
            }
        }

        Array.Sort(ids, order);
        var capacity = Math.Max(InitialCapacity, (_liveCount + (_liveCount / 2) + 63) & ~63);
        _ids = new long[capacity];
        ids.CopyTo(_ids, 0);
        _live = new ulong[capacity / 64];
        for (var i = 0; i < ids.Length; i++)
        {
            _live[i >> 6] |= 1UL << i;
        }

        foreach (var column in _columns.Values)
        {
            column.Remap(order, capacity);
        }

        _count = _liveCount;
        _sorted = _count;
    }
}
