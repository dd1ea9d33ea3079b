using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Import;

namespace Audiences.Cli.Commands;

/// <summary>
/// Runs one CSV import with its progress shown (a bar on a terminal, else a line on stderr at most once
/// per interval), turning a cancellation into a report of what was committed.
/// </summary>
internal static class CsvImport
{
    /// <summary>Imports the file the options name, or <paramref name="input"/> when given (standard input).</summary>
    /// <exception cref="ImportCancelledException">Ctrl+C stopped the import between batches.</exception>
    public static async Task<ImportResult> RunAsync(
        CommandContext context, IProfileService profiles, CsvSourceOptions source, ImportOptions import, Stream? input, CancellationToken cancellationToken)
    {
        Task<ImportResult> ImportAsync(IProgress<ImportProgress> progress) => input is null
            ? profiles.ImportCsvAsync(source, import, progress, cancellationToken)
            : profiles.ImportCsvAsync(input, source, import, progress, cancellationToken);

        async Task<ImportResult> ReportingCancellationAsync(Func<Task<ImportResult>> run, Func<ImportProgress> committed)
        {
            try
            {
                return await run();
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new ImportCancelledException(source.Path, committed(), e);
            }
        }

        if (context.Terminal is { } terminal)
        {
            var rows = input is null ? await CountRowsAsync(source.Path, cancellationToken) : (long?)null;
            var bar = new ImportProgressBar(Path.GetFileName(source.Path), rows, import.Fuzzy is not null);
            return await ReportingCancellationAsync(() => bar.RunAsync(terminal, () => ImportAsync(bar)), () => bar.Last);
        }

        var printer = new ImportProgressPrinter(context.Json ? null : context.Error, context.ProgressInterval);
        return await ReportingCancellationAsync(() => ImportAsync(printer), () => printer.Last);
    }

    /// <summary>Checks --file before the database is opened, so a mistyped path leaves no empty database behind.</summary>
    /// <exception cref="InputException">The path is blank, a folder, or not there.</exception>
    public static void CheckFile(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InputException("--file is empty; name the CSV file to import, or - for standard input.");
        }

        if (Directory.Exists(path))
        {
            throw new InputException($"--file: '{path}' is a folder; name a CSV file.");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"--file: the CSV file '{path}' was not found; check the path.");
        }
    }

    /// <summary>
    /// The number of data rows, for the progress bar: the lines after the header. Blank lines and line breaks
    /// inside quoted values count too, so it can be a little high; the bar fills when the import ends.
    /// </summary>
    private static async Task<long> CountRowsAsync(string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long lines = 0;
        var last = (byte)'\n';
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        // A last line without a line break is a row too; the header is not.
        return Math.Max(lines + (last == '\n' ? 0 : 1) - 1, 0);
    }
}
