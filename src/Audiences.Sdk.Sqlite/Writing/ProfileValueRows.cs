using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Storage;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// Keeps <c>profile_values</c>, the filterable copy of each profile's current values: one row per
/// value (per item of a list), typed and, for text, folded with <see cref="FilterText.Fold"/>, so
/// SQL compares text exactly as every other store does.
/// </summary>
/// <remarks>
/// <para>
/// The table is one B-tree keyed by (field, profile_id, type, value): profile ids grow, so the rows
/// of new profiles append at the end of each field's range instead of landing all over a tree
/// ordered by value. A profile's rows are changed by exact key, from the values it had before the
/// write (which the writer knows) and those it has after: only fields whose value changed are
/// touched, and an unchanged profile costs nothing.
/// </para>
/// <para>
/// Row changes are queued (<see cref="ValueRowQueue"/>) and applied in key order when the session
/// commits (or when the queue is long): a batch's rows then go field by field, each field's new rows
/// one run at the end of its range, rather than hopping from field to field for every profile.
/// Nothing reads the table inside a write session, so the delay is invisible; for each key, the
/// last change queued is the one applied.
/// </para>
/// <para>
/// Fields are numbered in <c>value_fields</c> so a row holds a small integer rather than the key.
/// The numbers this session adds are rolled back with it, so the cache lives as long as the session.
/// </para>
/// </remarks>
internal sealed class ProfileValueRows(CommandSet commands, ValueRowQueue queue)
{
    // Rows inserted by one statement: binding and stepping once per row costs about as much as
    // SQLite's own work for a row this small.
    private const int MaxRowsPerInsert = 16;

    // Changes queued before they are applied without waiting for the commit (bounds the memory).
    private const int MaxQueued = 1 << 16;

    private readonly Dictionary<string, long> _fieldIds = new(StringComparer.Ordinal);
    private readonly RawStatement?[] _inserts = new RawStatement?[MaxRowsPerInsert];
    private RawStatement? _delete;
    private RawStatement? _readFields;
    private RawStatement? _insertField;
    private bool _fieldsLoaded;

    /// <summary>Adds the rows of a profile that has none yet.</summary>
    public void Insert(long profileId, IReadOnlyDictionary<string, ProfileValue> values)
    {
        foreach (var (key, current) in values)
        {
            Queue(profileId, key, current.Value, delete: false);
        }

        FlushWhenLong();
    }

    /// <summary>
    /// Changes the rows of a profile from those of <paramref name="previous"/>, the values it had,
    /// to those of <paramref name="values"/>: only fields whose value changed are written.
    /// </summary>
    public void Update(long profileId, IReadOnlyDictionary<string, ProfileValue> previous, IReadOnlyDictionary<string, ProfileValue> values)
    {
        // Old rows are queued before new ones: a changed value may fold to the same row, which stays.
        foreach (var (key, old) in previous)
        {
            if (!values.TryGetValue(key, out var current) || current.Value != old.Value)
            {
                Queue(profileId, key, old.Value, delete: true);
            }
        }

        foreach (var (key, current) in values)
        {
            if (!previous.TryGetValue(key, out var old) || old.Value != current.Value)
            {
                Queue(profileId, key, current.Value, delete: false);
            }
        }

        FlushWhenLong();
    }

    /// <summary>Removes the rows of a profile whose values were <paramref name="previous"/>.</summary>
    public void Delete(long profileId, IReadOnlyDictionary<string, ProfileValue> previous)
    {
        foreach (var (key, old) in previous)
        {
            Queue(profileId, key, old.Value, delete: true);
        }

        FlushWhenLong();
    }

    /// <summary>Applies every queued change, in key order; call before the transaction commits.</summary>
    public void Flush()
    {
        if (queue.Count == 0)
        {
            return;
        }

        var changes = queue.Order();
        Span<int> batch = stackalloc int[MaxRowsPerInsert];
        var pending = 0;
        for (var i = 0; i < changes.Length; i++)
        {
            if (changes[i].Delete)
            {
                DeleteRow(changes[i]);
                continue;
            }

            batch[pending++] = i;
            if (pending == MaxRowsPerInsert)
            {
                InsertRows(changes, batch);
                pending = 0;
            }
        }

        InsertRows(changes, batch[..pending]);
        queue.Clear();
    }

    private void FlushWhenLong()
    {
        if (queue.Count >= MaxQueued)
        {
            Flush();
        }
    }

    /// <summary>Queues the rows of one value; an empty value has none.</summary>
    private void Queue(long profileId, string key, FieldValue value, bool delete)
    {
        if (value.IsEmpty)
        {
            return;
        }

        var field = FieldId(key);
        switch (value.Type)
        {
            case FieldType.Text:
                queue.AddText(field, profileId, value.AsText(), delete);
                break;
            case FieldType.TextList:
                foreach (var item in value.AsList())
                {
                    queue.AddText(field, profileId, item, delete);
                }

                break;
            case FieldType.Number:
                queue.Add(field, FieldType.Number, profileId, BitConverter.DoubleToInt64Bits(value.AsNumber()), delete);
                break;
            case FieldType.Boolean:
                queue.Add(field, FieldType.Boolean, profileId, value.AsBoolean() ? 1L : 0L, delete);
                break;
            case FieldType.DateTime:
                queue.Add(field, FieldType.DateTime, profileId, value.AsDateTime().UtcTicks, delete);
                break;
        }
    }

    private void InsertRows(ReadOnlySpan<ValueRowChange> changes, ReadOnlySpan<int> rows)
    {
        if (rows.IsEmpty)
        {
            return;
        }

        // A list may repeat an item once folded, or a row may be there already: OR IGNORE keeps one.
        var insert = _inserts[rows.Length - 1] ??= PrepareInsert(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            Bind(insert, 1 + (4 * i), changes[rows[i]]);
        }

        insert.Execute();
    }

    private void DeleteRow(in ValueRowChange change)
    {
        _delete ??= commands.PrepareRaw("DELETE FROM profile_values WHERE field = ?1 AND type = ?2 AND value = ?3 AND profile_id = ?4");
        Bind(_delete, 1, change);
        _delete.Execute();
    }

    /// <summary>Binds a row's field, type, value and profile to four parameters from <paramref name="first"/> on.</summary>
    private void Bind(RawStatement statement, int first, in ValueRowChange change)
    {
        statement.Bind(first, change.Field);
        statement.Bind(first + 1, (long)change.Type);
        switch (change.Type)
        {
            case FieldType.Text:
                // SQLite copies bound text.
                statement.BindUtf8(first + 2, queue.Text(change));
                break;
            case FieldType.Number:
                statement.Bind(first + 2, BitConverter.Int64BitsToDouble(change.Value));
                break;
            default:
                statement.Bind(first + 2, change.Value);
                break;
        }

        statement.Bind(first + 3, change.ProfileId);
    }

    private RawStatement PrepareInsert(int count)
    {
        var rows = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var p = 1 + (4 * i);
            rows.Add($"(?{p}, ?{p + 1}, ?{p + 2}, ?{p + 3})");
        }

        return commands.PrepareRaw($"INSERT OR IGNORE INTO profile_values (field, type, value, profile_id) VALUES {string.Join(", ", rows)}");
    }

    private long FieldId(string key)
    {
        if (!_fieldsLoaded)
        {
            _readFields ??= commands.PrepareRaw("SELECT id, key FROM value_fields");
            while (_readFields.Read())
            {
                _fieldIds[_readFields.GetText(1)] = _readFields.GetInt64(0);
            }

            _readFields.Reset();
            _fieldsLoaded = true;
        }

        if (!_fieldIds.TryGetValue(key, out var id))
        {
            _insertField ??= commands.PrepareRaw("INSERT INTO value_fields (key) VALUES (?1) RETURNING id");
            _insertField.Bind(1, key);
            if (!_insertField.Read())
            {
                throw new InvalidOperationException($"The field '{key}' got no number in value_fields.");
            }

            id = _insertField.GetInt64(0);
            _insertField.Reset();
            _fieldIds.Add(key, id);
        }

        return id;
    }
}
