using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv;

/// <summary>Finds the column the options name: by exact header, then ignoring case, then by normalized key.</summary>
internal sealed class CsvColumnFinder(CsvFile file, CsvColumn[] columns)
{
    /// <exception cref="CsvSourceException">No column, or more than one at the best level, has the name.</exception>
    public CsvColumn Find(string name, string what)
    {
        var trimmed = name.Trim();
        var key = FieldKey.FromHeader(trimmed);
        Func<CsvColumn, bool>[] levels =
        [
            c => string.Equals(c.Header, trimmed, StringComparison.Ordinal),
            c => string.Equals(c.Header, trimmed, StringComparison.OrdinalIgnoreCase),
            c => key is not null && string.Equals(FieldKey.FromHeader(c.Header), key, StringComparison.Ordinal),
        ];

        foreach (var level in levels)
        {
            var matches = columns.Where(level).ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }

            if (matches.Count > 1)
            {
                throw file.ColumnError($"{what}, which matches {string.Join(" and ", matches)}; write the header exactly as in the file, or rename the columns so each name is unique.");
            }
        }

        var names = string.Join(", ", columns.Select(c => $"'{c.Header}'"));
        throw file.ColumnError($"{what}, but the file has no such column; its columns are {names}. Correct the name or the file.");
    }
}
