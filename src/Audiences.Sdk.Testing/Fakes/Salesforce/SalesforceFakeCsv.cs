using System.Globalization;
using System.Text;
using CsvHelper;

namespace Audiences.Sdk.Testing.Fakes.Salesforce;

/// <summary>
/// The CSV the fake reads and writes, over CsvHelper as an org does: RFC 4180, comma-delimited, the job's line ending,
/// every value quoted as Salesforce's examples show, nothing trimmed. A null value is written empty, as query results
/// write a null field; uploads are read as sent, so the fake itself decides what <c>#N/A</c> and an empty value mean.
/// </summary>
internal static class SalesforceFakeCsv
{
    private static readonly CsvReaderOptions ReaderOptions = CsvReaderOptions.Default with
    {
        Separator = ',',
        DetectSeparatorHint = false,
        TrimWhitespace = false,
        SkipEmptyLines = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MalformedData = CsvMalformedDataHandling.Throw,
        PoolStrings = false,
    };

    /// <summary>Writes a header and rows; <paramref name="lineEnding"/> is the job's <c>LF</c> or <c>CRLF</c>.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, string lineEnding = "LF")
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = CsvWriter.Create(text, WriterOptions(lineEnding), leaveOpen: true);
        using (csv)
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(v => v ?? string.Empty)]);
            }

            csv.Flush();
        }

        return text.ToString();
    }

    /// <summary>Reads an upload: the header row first, then the records, values exactly as sent.</summary>
    /// <exception cref="CsvFormatException">The upload's quoting is broken.</exception>
    public static List<List<string>> Read(string text)
    {
        var rows = new List<List<string>>();
        using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false), ReaderOptions with { HasHeader = false });
        while (reader.Read())
        {
            var row = new List<string>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Add(reader.GetString(i));
            }

            rows.Add(row);
        }

        return rows;
    }

    private static CsvWriterOptions WriterOptions(string lineEnding) => CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = string.Equals(lineEnding, "CRLF", StringComparison.OrdinalIgnoreCase) ? "\r\n" : "\n",
        Quoting = CsvQuoting.Always,
        Injection = CsvInjection.None,
    };
}
