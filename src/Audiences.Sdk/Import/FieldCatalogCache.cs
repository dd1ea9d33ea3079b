using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Import;

/// <summary>The field catalog of one kind during an import: checks value types and registers new fields.</summary>
internal sealed class FieldCatalogCache
{
    private readonly Dictionary<string, FieldDefinition> _fields;
    private readonly EntityKind _kind;
    private readonly IFieldCatalog _catalog;

    private FieldCatalogCache(IFieldCatalog catalog, EntityKind kind, IEnumerable<FieldDefinition> fields)
    {
        _catalog = catalog;
        _kind = kind;
        _fields = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
    }

    public static async ValueTask<FieldCatalogCache> LoadAsync(IFieldCatalog catalog, EntityKind kind, CancellationToken cancellationToken) =>
        new(catalog, kind, await catalog.GetFieldsAsync(kind, cancellationToken).ConfigureAwait(false));

    /// <summary>Checks every value of a record against the catalog; returns the first problem, or null.</summary>
    /// <param name="record">The record.</param>
    /// <param name="line">The record's line, for the error.</param>
    /// <param name="hasNewFields">Whether the record fills a field the catalog does not have yet.</param>
    public ImportError? Check(SourceRecord record, long? line, out bool hasNewFields)
    {
        hasNewFields = false;

        // Most sources hand over a plain dictionary: enumerate it without boxing an enumerator.
        if (record.Values is Dictionary<string, FieldValue> dictionary)
        {
            foreach (var (key, value) in dictionary)
            {
                if (Check(record, line, key, value, ref hasNewFields) is { } error)
                {
                    return error;
                }
            }

            return null;
        }

        foreach (var (key, value) in record.Values)
        {
            if (Check(record, line, key, value, ref hasNewFields) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private ImportError? Check(SourceRecord record, long? line, string key, FieldValue value, ref bool hasNewFields)
    {
        // A key already in the catalog was validated when it entered it.
        if (_fields.TryGetValue(key, out var known))
        {
            return !value.IsEmpty && known.Type != value.Type ? Mismatch(record, line, key, known, value) : null;
        }

        hasNewFields |= !value.IsEmpty;
        return FieldKey.IsValid(key)
            ? null
            : new ImportError($"'{key}' is not a valid field key; use snake_case ASCII starting with a letter (map the column to a valid key).")
            { Line = line, Record = record.Key, Field = key };
    }

    /// <summary>
    /// Adds the fields a checked record introduces to the catalog, in the session. A field another writer stored since the
    /// catalog was loaded is left as it is, so its description, display name, cost and export status are never overwritten.
    /// </summary>
    public async ValueTask RegisterNewFieldsAsync(SourceRecord record, IProfileWriteSession session, CancellationToken cancellationToken)
    {
        var refreshed = false;
        foreach (var (key, value) in record.Values)
        {
            if (!value.IsEmpty && !_fields.ContainsKey(key))
            {
                if (!refreshed)
                {
                    // The session holds the writer lock, so the committed catalog read now cannot change before the upsert.
                    await RefreshAsync(cancellationToken).ConfigureAwait(false);
                    refreshed = true;
                    if (_fields.ContainsKey(key))
                    {
                        continue;
                    }
                }

                var field = new FieldDefinition(key, _kind, value.Type, record.Key.Source);
                _fields[key] = field;
                await _catalog.UpsertFieldAsync(session, field, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var field in await _catalog.GetFieldsAsync(_kind, cancellationToken).ConfigureAwait(false))
        {
            _fields.TryAdd(field.Key, field);
        }
    }

    private static ImportError Mismatch(SourceRecord record, long? line, string key, FieldDefinition field, FieldValue value) =>
        new($"the field holds {field.Type.ToName()} values but the record gives {value.Type.ToName()} '{Shorten(value)}'; convert the value or map it to another field.")
        { Line = line, Record = record.Key, Field = key };

    private static string Shorten(FieldValue value)
    {
        var text = value.ToString();
        return text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
    }
}
