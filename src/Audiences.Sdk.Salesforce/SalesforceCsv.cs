using System.Text;
using CsvHelper;

namespace Audiences.Sdk.Salesforce;

/// <summary>
/// The CSV Bulk API 2.0 jobs exchange, over CsvHelper: RFC 4180 (a value holding a comma, a quote or a line break is
/// quoted, a quote doubled), UTF-8, comma-delimited, the job's line ending (<c>LF</c> or <c>CRLF</c>), and every value
/// quoted as Salesforce's examples show. Values are never trimmed: Salesforce keeps their spaces.
/// </summary>
/// <remarks>
/// On update and upsert Salesforce ignores an empty value (the field keeps what it holds), so a field is set to null
/// with <see cref="NullText"/>; <see cref="Write(TextWriter, IReadOnlyList{string}, IEnumerable{IReadOnlyList{string?}}, string)"/>
/// writes a null value that way. Query results write a null field as an empty value, which reads back as empty.
/// </remarks>
internal static class SalesforceCsv
{
    /// <summary>The job setting for LF line endings, Bulk API 2.0's default.</summary>
    public const string Lf = "LF";

    /// <summary>The job setting for CRLF line endings.</summary>
    public const string Crlf = "CRLF";

    /// <summary>The value an ingest upload sets a field to null with.</summary>
    public const string NullText = "#N/A";

    /// <summary>The result column naming the record written (<c>successfulResults</c>; <c>failedResults</c> since v53, empty for some failures).</summary>
    public const string ResultId = "sf__Id";

    /// <summary>The <c>successfulResults</c> column saying whether the record was inserted (<c>true</c>) or updated.</summary>
    public const string ResultCreated = "sf__Created";

    /// <summary>The <c>failedResults</c> column holding the error code and message.</summary>
    public const string ResultError = "sf__Error";

    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        DetectSeparatorHint = false,
        TrimWhitespace = false,
        SkipEmptyLines = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        // A page whose quoting is broken is refused rather than misread: its values would land in the wrong fields.
        MalformedData = CsvMalformedDataHandling.Throw,
        // Exceptions can reach logs; record values must not.
        IncludeValuesInExceptions = false,
        PoolStrings = false,
    };

    /// <summary>Writes an upload: the header, then the rows; a null value as <see cref="NullText"/>.</summary>
    /// <param name="writer">Where the CSV goes; left open.</param>
    /// <param name="header">The field API names.</param>
    /// <param name="rows">The values, in the header's order.</param>
    /// <param name="lineEnding"><see cref="Lf"/> or <see cref="Crlf"/>, as the job was created with.</param>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, string lineEnding = Lf)
    {
        var csv = CsvWriter.Create(writer, WriterOptions(lineEnding), leaveOpen: true);
        using (csv)
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(v => v ?? NullText)]);
            }

            csv.Flush();
        }
    }

    /// <summary>Writes an upload to text; see <see cref="Write(TextWriter, IReadOnlyList{string}, IEnumerable{IReadOnlyList{string?}}, string)"/>.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, string lineEnding = Lf)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(text, header, rows, lineEnding);
        return text.ToString();
    }

    /// <summary>Reads a query result page or an ingest result set as it arrives, without holding its text.</summary>
    /// <param name="stream">The response body (UTF-8); left open.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="FormatException">The body is no well-formed CSV.</exception>
    public static async Task<SalesforceCsvTable> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = CsvReader.Create(stream, ReaderOptions, leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            try
            {
                await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
                if (reader.Headers.Count == 0)
                {
                    return SalesforceCsvTable.Empty;
                }

                var header = reader.Headers.ToArray();
                var rows = new List<IReadOnlyList<string>>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new string[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.GetString(i);
                    }

                    rows.Add(row);
                }

                return new SalesforceCsvTable(header, rows);
            }
            catch (CsvFormatException exception)
            {
                throw new FormatException($"Salesforce sent CSV that cannot be read: {exception.Message}", exception);
            }
        }
    }

    /// <summary>Reads CSV held in text; see <see cref="ReadAsync"/>.</summary>
    public static SalesforceCsvTable Read(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        return ReadAsync(stream, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static CsvWriterOptions WriterOptions(string lineEnding) => CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = string.Equals(lineEnding, Crlf, StringComparison.OrdinalIgnoreCase) ? "\r\n" : "\n",
        Quoting = CsvQuoting.Always,
        Injection = CsvInjection.None,
        ValidateFieldCount = true,
    };
}
