using Audiences.Sdk.Csv;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>Reads a generated people file through the CSV source, and through the plain split reference.</summary>
public static class CsvParse
{
    /// <summary>The source options for a generated file: keyed by its id column, every field's type given up front.</summary>
    /// <remarks>
    /// The types are given as an import into an existing catalog would give them; without them the
    /// source reads the file once more to infer types, which <see cref="ReadAllAsync"/> then measures too.
    /// </remarks>
    public static CsvSourceOptions OptionsFor(string path, bool knownTypes = true) => new(path, EntityKind.Person)
    {
        SourceName = PersonGenerator.SourceName,
        ObjectName = PersonGenerator.ObjectName,
        IdColumn = PersonCsvWriter.IdColumn,
        KnownFieldTypes = knownTypes ? KnownTypes : null,
    };

    /// <summary>Reads every row through <see cref="CsvSource"/>; returns the records read.</summary>
    /// <exception cref="InvalidOperationException">A row was rejected, so the file or the source is not what the figure assumes.</exception>
    public static async Task<long> ReadAllAsync(CsvSourceOptions options)
    {
        long records = 0;
        await foreach (var row in new CsvSource(options).ReadAsync())
        {
            if (row.Error is { } error)
            {
                throw new InvalidOperationException($"The CSV source rejected a generated row: {error}");
            }

            records++;
        }

        return records;
    }

    /// <summary>The reference: read lines and split on commas, nothing else; returns the data rows read.</summary>
    public static long ReadLinesSplit(string path)
    {
        long rows = -1;
        long cells = 0;
        foreach (var line in File.ReadLines(path))
        {
            cells += line.Split(',').Length;
            rows++;
        }

        // Using the cell count keeps the split from being optimized away.
        return cells > 0 ? rows : 0;
    }

    private static Dictionary<string, FieldType> KnownTypes { get; } = new(StringComparer.Ordinal)
    {
        [PersonFields.Email] = FieldType.Text,
        [PersonFields.LinkedInUrl] = FieldType.Text,
        [PersonFields.FirstName] = FieldType.Text,
        [PersonFields.LastName] = FieldType.Text,
        [PersonFields.Title] = FieldType.Text,
        [PersonFields.CompanyDomain] = FieldType.Text,
        [PersonFields.City] = FieldType.Text,
        [PersonFields.Country] = FieldType.Text,
        [PersonFields.EmployeeCount] = FieldType.Number,
        [PersonFields.SignedUpAt] = FieldType.DateTime,
    };
}
