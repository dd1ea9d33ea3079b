using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Import;

namespace Audiences.Cli.Commands;

/// <summary>Runs one CSV import with progress on stderr, turning a cancellation into a report of what was committed.</summary>
internal static class CsvImport
{
    /// <exception cref="ImportCancelledException">Ctrl+C stopped the import between batches.</exception>
    public static async Task<ImportResult> RunAsync(
        CommandContext context, IProfileService profiles, CsvSourceOptions source, ImportOptions import, CancellationToken cancellationToken)
    {
        var progress = new ImportProgressPrinter(context.Json ? null : context.Error, context.ProgressInterval);
        try
        {
            return await profiles.ImportCsvAsync(source, import, progress, cancellationToken);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new ImportCancelledException(source.Path, progress.Last, e);
        }
    }

    /// <summary>Checks --file before the database is opened, so a mistyped path leaves no empty database behind.</summary>
    /// <exception cref="InputException">The path is blank, a folder, or not there.</exception>
    public static void CheckFile(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InputException("--file is empty; name the CSV file to import.");
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
}
