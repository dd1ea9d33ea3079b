using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv;

/// <summary>
/// The columns of a CSV file resolved against the options: which column holds the id, which field
/// each other column fills and with which type. Resolving fails with a <see cref="CsvSourceException"/>
/// that names every column at fault.
/// </summary>
internal sealed class CsvLayout
{
    private CsvLayout(CsvColumn[] columns, CsvColumn? id)
    {
        Columns = columns;
        Id = id;
        Fields = columns.Where(c => c.Field is not null).ToArray();
    }

    /// <summary>Every column, by position.</summary>
    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>The columns that fill fields (all but the id column).</summary>
    public CsvColumn[] Fields { get; }

    /// <summary>The id column, or null when rows are keyed by their row number.</summary>
    public CsvColumn? Id { get; }

    /// <exception cref="CsvSourceException">A header is unusable, two columns give the same field, or the options name a column the file lacks.</exception>
    public static CsvLayout Resolve(CsvFile file, CsvSourceOptions options)
    {
        var columns = file.Headers.Select((h, i) => new CsvColumn(i, h.Trim())).ToArray();
        var finder = new CsvColumnFinder(file, columns);

        CsvColumn? id = null;
        if (options.IdColumn is { } idName)
        {
            id = finder.Find(idName, $"IdColumn names the column '{idName}'");
        }

        var mapped = new Dictionary<CsvColumn, CsvColumnMapping>();
        foreach (var mapping in options.Mappings)
        {
            var column = finder.Find(mapping.Column, $"the mapping '{mapping}' names the column '{mapping.Column}'");
            if (column == id)
            {
                throw file.ColumnError($"the mapping '{mapping}' maps {column}, which is the id column; the id is the record's key, not a field. Map another column, or set IdColumn to another column.");
            }

            if (!mapped.TryAdd(column, mapping))
            {
                throw file.ColumnError($"{column} is mapped twice ('{mapped[column]}' and '{mapping}'); keep one mapping per column.");
            }
        }

        var unusable = new List<CsvColumn>();
        foreach (var column in columns)
        {
            if (column == id)
            {
                continue;
            }

            if (mapped.TryGetValue(column, out var mapping))
            {
                column.Field = mapping.Field;
                column.Type = mapping.Type;
            }
            else if (FieldKey.FromHeader(column.Header) is { } key)
            {
                column.Field = key;
            }
            else
            {
                unusable.Add(column);
            }
        }

        if (unusable.Count > 0)
        {
            var example = unusable.FirstOrDefault(c => c.Header.Length > 0)?.Header ?? "Header";
            throw file.ColumnError(
                $"the header row (line {file.HeaderLine}) has columns without a usable name: {string.Join(", ", unusable)}. " +
                $"Give each column a name with letters or digits, map it to a field (e.g. '{example}=field_key'), or remove the column.");
        }

        CheckDuplicates(file, columns);
        ApplyKnownTypes(file, columns, options.KnownFieldTypes);
        return new CsvLayout(columns, id);
    }

    private static void CheckDuplicates(CsvFile file, CsvColumn[] columns)
    {
        var clashes = columns.Where(c => c.Field is not null).GroupBy(c => c.Field!, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (clashes.Count == 0)
        {
            return;
        }

        var described = clashes.Select(g => $"{string.Join(" and ", g)} {(g.Count() == 2 ? "both" : "all")} give the field '{g.Key}'");
        var second = clashes[0].Skip(1).First();
        throw file.ColumnError(
            $"the header row (line {file.HeaderLine}) has duplicate columns: {string.Join("; ", described)}. " +
            $"Rename or remove the duplicates, or map one to another field (e.g. '{second.Header}={clashes[0].Key}_2').");
    }

    private static void ApplyKnownTypes(CsvFile file, CsvColumn[] columns, IReadOnlyDictionary<string, FieldType>? known)
    {
        if (known is null)
        {
            return;
        }

        foreach (var column in columns)
        {
            if (column.Field is null || !known.TryGetValue(column.Field, out var existing))
            {
                continue;
            }

            if (column.Type is { } given && given != existing)
            {
                throw file.ColumnError(
                    $"{column} is mapped as {given.ToName()} to the field '{column.Field}', which holds {existing.ToName()} values. " +
                    $"Map it as {existing.ToName()}, or to another field.");
            }

            column.Type = existing;
        }
    }
}
