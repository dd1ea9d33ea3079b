using System.Globalization;
using System.Text;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>Writes generated people as a CSV file: an <c>id</c> column (the record's external id), then the ten fields.</summary>
public static class PersonCsvWriter
{
    /// <summary>The header of the id column.</summary>
    public const string IdColumn = "id";

    /// <summary>Writes the file; returns its size in bytes.</summary>
    /// <remarks>Generated values hold no commas, quotes or line breaks, so no cell needs quoting.</remarks>
    public static long Write(string path, IEnumerable<SourceRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20))
        {
            writer.Write(IdColumn);
            foreach (var field in PersonFields.All)
            {
                writer.Write(',');
                writer.Write(field);
            }

            writer.Write('\n');
            foreach (var row in rows)
            {
                writer.Write(row.Key.ExternalId);
                foreach (var field in PersonFields.All)
                {
                    writer.Write(',');
                    writer.Write(FormatValue(row, field));
                }

                writer.Write('\n');
            }
        }

        return new FileInfo(path).Length;
    }

    /// <summary>A field of a generated row as the file holds it (ISO 8601 UTC for date-times); "" when empty.</summary>
    public static string FormatValue(SourceRecord row, string field)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Format(row.Values.GetValueOrDefault(field));
    }

    private static string Format(FieldValue value) => value.Type switch
    {
        FieldType.DateTime => value.AsDateTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
