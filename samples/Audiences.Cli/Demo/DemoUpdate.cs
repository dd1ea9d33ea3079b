using Audiences.Cli.Cli;
using CsvHelper;

namespace Audiences.Cli.Demo;

/// <summary>
/// One row of the CRM export as it reads after a sales rep raised a lead score: the demo writes it to a
/// file of its own beside demo.db (never into SampleData) and imports it over the original record.
/// </summary>
/// <param name="Path">The file written.</param>
/// <param name="ContactId">The row's id in the CRM export.</param>
/// <param name="Column">The column changed.</param>
/// <param name="Before">Its value in the sample file.</param>
/// <param name="After">Its value in the changed row.</param>
internal sealed record DemoUpdate(string Path, string ContactId, string Column, string Before, string After)
{
    public const string FileName = "demo_crm_update.csv";

    /// <summary>Copies the header and the row of <paramref name="contactId"/> from the CRM export, with <paramref name="column"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="InputException">The sample file lacks the row or the column.</exception>
    public static async Task<DemoUpdate> WriteAsync(
        DemoFile crm, string folder, string contactId, string column, string value, CancellationToken cancellationToken)
    {
        var sample = System.IO.Path.Combine(DemoData.Folder, crm.FileName);
        string[]? header = null;
        string[]? row = null;
        await using (var reader = CsvReader.FromFile(sample, CsvReaderOptions.Default, FileOptions.SequentialScan | FileOptions.Asynchronous))
        {
            await reader.ReadHeaderAsync(cancellationToken);
            header = [.. reader.Headers];
            while (row is null && await reader.ReadAsync(cancellationToken))
            {
                if (reader.FieldCount == header.Length && reader.GetString(0) == contactId)
                {
                    row = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)];
                }
            }
        }

        var at = Array.IndexOf(header, column);
        if (row is null || at < 0)
        {
            throw new InputException($"demo: the sample file '{sample}' has no row {contactId} with a column '{column}'; rebuild samples/Audiences.Cli.");
        }

        var update = new DemoUpdate(System.IO.Path.Combine(folder, FileName), contactId, column, row[at], value);
        row[at] = value;
        await using (var file = new StreamWriter(update.Path))
        await using (var writer = CsvWriter.Create(file, options: null, leaveOpen: true))
        {
            writer.WriteRecord(header);
            writer.WriteRecord(row);
            await writer.FlushAsync(cancellationToken);
        }

        return update;
    }
}
