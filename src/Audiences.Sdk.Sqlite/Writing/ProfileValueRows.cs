using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Storage;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// Keeps <c>profile_values</c>, the filterable copy of each profile's current values: one row per
/// value (per item of a list), typed and, for text, folded with <see cref="FilterText.Fold"/>, so
/// SQL compares text exactly as every other store does. Rows are rewritten with the profile.
/// </summary>
/// <remarks>
/// Fields are numbered in <c>value_fields</c> so a row holds a small integer rather than the key.
/// The numbers this session adds are rolled back with it, so the cache lives as long as the session.
/// </remarks>
internal sealed class ProfileValueRows(CommandSet commands)
{
    /// <summary>The <c>type</c> of a text value or list item.</summary>
    public const int TextType = (int)FieldType.Text;

    private readonly Dictionary<string, long> _fieldIds = new(StringComparer.Ordinal);
    private RawStatement? _insert;
    private RawStatement? _delete;
    private RawStatement? _readFields;
    private RawStatement? _insertField;
    private bool _fieldsLoaded;

    /// <summary>Inserts the rows of a profile that has none yet.</summary>
    public void Insert(long profileId, IReadOnlyDictionary<string, ProfileValue> values)
    {
        foreach (var (key, current) in values)
        {
            var value = current.Value;
            if (value.IsEmpty)
            {
                continue;
            }

            var field = FieldId(key);
            switch (value.Type)
            {
                case FieldType.Text:
                    InsertText(profileId, field, value.AsText());
                    break;
                case FieldType.TextList:
                    foreach (var item in value.AsList())
                    {
                        InsertText(profileId, field, item);
                    }

                    break;
                case FieldType.Number:
                    var insert = Bound(profileId, field, FieldType.Number);
                    insert.Bind(4, value.AsNumber());
                    insert.Execute();
                    break;
                case FieldType.Boolean:
                    insert = Bound(profileId, field, FieldType.Boolean);
                    insert.Bind(4, value.AsBoolean() ? 1L : 0L);
                    insert.Execute();
                    break;
                case FieldType.DateTime:
                    insert = Bound(profileId, field, FieldType.DateTime);
                    insert.Bind(4, value.AsDateTime().UtcTicks);
                    insert.Execute();
                    break;
            }
        }
    }

    /// <summary>Replaces the rows of a profile.</summary>
    public void Replace(long profileId, IReadOnlyDictionary<string, ProfileValue> values)
    {
        Delete(profileId);
        Insert(profileId, values);
    }

    /// <summary>Deletes the rows of a profile.</summary>
    public void Delete(long profileId)
    {
        _delete ??= commands.PrepareRaw("DELETE FROM profile_values WHERE profile_id = ?1");
        _delete.Bind(1, profileId);
        _delete.Execute();
    }

    private void InsertText(long profileId, long field, string text)
    {
        var insert = Bound(profileId, field, FieldType.Text);
        insert.Bind(4, FilterText.Fold(text));
        insert.Execute();
    }

    private RawStatement Bound(long profileId, long field, FieldType type)
    {
        // A list may repeat an item once folded; the row is already there then.
        _insert ??= commands.PrepareRaw("INSERT OR IGNORE INTO profile_values (profile_id, field, type, value) VALUES (?1, ?2, ?3, ?4)");
        _insert.Bind(1, profileId);
        _insert.Bind(2, field);
        _insert.Bind(3, (long)(type == FieldType.TextList ? FieldType.Text : type));
        return _insert;
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
