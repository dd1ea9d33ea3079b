namespace Audiences.Sdk.Csv;

/// <summary>
/// A stream copied once, to its end, into a temporary file that is deleted on dispose. A CSV source
/// reads its file more than once (the header check, type inference, the rows), which a pipe such as
/// standard input cannot give.
/// </summary>
internal sealed class CsvSpool : IAsyncDisposable
{
    private CsvSpool(string path) => Path = path;

    /// <summary>The temporary file.</summary>
    public string Path { get; }

    /// <summary>Copies <paramref name="input"/> to a new temporary file.</summary>
    /// <exception cref="IOException">The temporary file cannot be written (a full disk, say).</exception>
    /// <exception cref="OperationCanceledException">Copying was cancelled; the file is deleted.</exception>
    public static async Task<CsvSpool> CreateAsync(Stream input, CancellationToken cancellationToken)
    {
        var spool = new CsvSpool(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"audiences-csv-{Guid.NewGuid():N}.csv"));
        try
        {
            var file = new FileStream(spool.Path, SpoolOptions());
            await using (file.ConfigureAwait(false))
            {
                await input.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            return spool;
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Readable by its owner only: the rows are customer data. (Windows gives a new temporary file its
    // folder's access list, which is the user's own.)
    private static FileStreamOptions SpoolOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    /// <summary>Deletes the temporary file.</summary>
    public ValueTask DisposeAsync()
    {
        try
        {
            File.Delete(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary folder is cleaned by the system; failing the import for it would lose its result.
        }

        return ValueTask.CompletedTask;
    }
}
