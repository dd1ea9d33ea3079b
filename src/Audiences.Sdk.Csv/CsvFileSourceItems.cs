using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Csv;

/// <summary>A row the CSV reader gave, as a source item named by the file's own headers.</summary>
internal static class CsvFileSourceItems
{
    public static SourceItem From(SourceRow row, IReadOnlyDictionary<string, string> headers, string idField)
    {
        if (row.Record is not { } record)
        {
            var error = row.Error!;
            return new SourceItem(error.Record?.ExternalId, new Dictionary<string, FieldValue>())
            {
                Position = error.Line ?? row.Line,
                Problem = error.Field is null ? error.Message : $"{error.Field}: {error.Message}",
            };
        }

        var values = new Dictionary<string, FieldValue>(record.Values.Count + 1, StringComparer.Ordinal)
        {
            [idField] = FieldValue.FromText(record.Key.ExternalId),
        };
        foreach (var (key, value) in record.Values)
        {
            values[headers.TryGetValue(key, out var header) ? header : key] = value;
        }

        return new SourceItem(record.Key.ExternalId, values) { Position = row.Line };
    }
}
