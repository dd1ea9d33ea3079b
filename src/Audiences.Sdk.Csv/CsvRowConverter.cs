using System.Globalization;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using CsvHelper;

namespace Audiences.Sdk.Csv;

/// <summary>Turns the current row of a CSV file into a source record, or into the error that rejects it.</summary>
internal sealed class CsvRowConverter
{
    private readonly CsvLayout _layout;
    private readonly CsvRowKeys _keys;
    private readonly string _source;
    private readonly string _objectName;
    private readonly EntityKind _kind;
    private readonly DateTimeOffset? _observedAt;
    private readonly SourceKind _sourceKind;

    // The only state that grows with the file, and only when the file names an id column.
    private readonly CsvIdSet _ids = new();

    public CsvRowConverter(CsvLayout layout, CsvSourceOptions options, string source)
    {
        _layout = layout;
        _keys = new CsvRowKeys(layout.Fields.Select(c => c.Field!));
        _source = source;
        _objectName = options.ObjectName;
        _kind = options.Kind;
        _observedAt = options.ObservedAt;
        _sourceKind = options.SourceKind;
    }

    public SourceRow Convert(CsvFile file)
    {
        var reader = file.Reader;
        var line = reader.LineNumber;
        var idColumn = _layout.Id;
        var id = idColumn is null
            ? reader.RowNumber.ToString(CultureInfo.InvariantCulture)
            : idColumn.Index < reader.FieldCount ? reader.GetString(idColumn.Index) : string.Empty;
        SourceRecordKey? key = id.Length == 0 ? null : new SourceRecordKey(_source, _objectName, id);

        // A quote inside an unquoted value (5'10") is kept as text, as RFC 4180 readers do; other quoting problems reject the row.
        if (file.TakeMalformed() is { Reason: not CsvMalformedReason.StrayQuote } malformed)
        {
            return Reject(CsvRowErrors.Malformed(malformed.Reason), line, key, null);
        }

        if (reader.FieldCount != _layout.Columns.Count)
        {
            return Reject(CsvRowErrors.ColumnCount(reader.FieldCount, _layout.Columns.Count), line, key, null);
        }

        if (idColumn is not null)
        {
            if (key is null)
            {
                return Reject(CsvRowErrors.BlankId(idColumn), line, null, idColumn.Header);
            }

            if (!_ids.TryAdd(id, line, out var firstLine))
            {
                return Reject(CsvRowErrors.DuplicateId(idColumn, id, firstLine), line, key, idColumn.Header);
            }
        }

        var fields = _layout.Fields;
        var values = new FieldValue[fields.Length];
        var count = 0;
        for (var slot = 0; slot < fields.Length; slot++)
        {
            var column = fields[slot];
            if (column.Type == FieldType.Number && TryNumber(reader, column.Index, out var number))
            {
                values[slot] = number;
                count += number.IsEmpty ? 0 : 1;
                continue;
            }

            // One decode per cell: an empty cell reads as the shared empty string.
            var text = reader.GetString(column.Index);
            if (text.Length == 0)
            {
                continue;
            }

            if (!FieldValue.TryParse(text, column.Type!.Value, out var value, out var error))
            {
                return Reject(CsvRowErrors.Value(column, error), line, key, column.Field);
            }

            values[slot] = value;
            count += value.IsEmpty ? 0 : 1;
        }

        var record = new SourceRecord(key!.Value, _kind, _sourceKind, new CsvRowValues(_keys, values, count)) { ObservedAt = _observedAt };
        return SourceRow.Of(record, line);
    }

    /// <summary>
    /// Parses a number straight from the cell's UTF-8 bytes, without a string. False leaves the cell to the text
    /// path, which decides (and words the error) exactly as before: this path only accepts what it would accept.
    /// </summary>
    private static bool TryNumber(CsvReader reader, int index, out FieldValue value)
    {
        var bytes = reader.GetSpan(index);
        if (bytes.IsEmpty)
        {
            value = FieldValue.Empty;
            return true;
        }

        if (double.TryParse(bytes, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            value = FieldValue.FromNumber(number);
            return true;
        }

        value = default;
        return false;
    }

    private static SourceRow Reject(string message, long line, SourceRecordKey? key, string? field) =>
        SourceRow.Rejected(new ImportError(message) { Line = line, Record = key, Field = field });
}
