using CsvHelper;

namespace Audiences.Sdk.Csv;

/// <summary>
/// An open CSV file positioned after its header, with the quoting problems the reader reported.
/// Opening fails with a <see cref="CsvSourceException"/> when the file is missing, empty or has no header.
/// </summary>
internal sealed class CsvFile : IAsyncDisposable
{
    // A row this long is almost always a quote that is never closed; failing keeps memory bounded.
    internal const int MaxRowBytes = 16 * 1024 * 1024;

    // Larger than the reader's default: fewer reads and far fewer awaits on big files.
    private const int BufferBytes = 1024 * 1024;

    private readonly Queue<CsvMalformedRecord> _malformed = new();

    private CsvFile(string path) => Path = path;

    /// <summary>The file's path as the options give it, which messages name.</summary>
    public string Path { get; }

    /// <summary>The reader, positioned on the current row.</summary>
    public CsvReader Reader { get; private set; } = null!;

    /// <summary>The header cells as written.</summary>
    public IReadOnlyList<string> Headers => Reader.Headers;

    /// <summary>The 1-based line of the header row.</summary>
    public long HeaderLine { get; private set; }

    /// <param name="path">The file's path as the options give it, which messages name.</param>
    /// <param name="readFrom">The file to read: the same path, or where a stream was spooled to.</param>
    /// <param name="cancellationToken">Stops reading the header.</param>
    /// <exception cref="CsvSourceException">The file is missing, cannot be opened, is empty or has no header row.</exception>
    public static async Task<CsvFile> OpenAsync(string path, string readFrom, CancellationToken cancellationToken)
    {
        var file = new CsvFile(path);
        try
        {
            file.Reader = CsvReader.FromFile(readFrom, file.ReaderOptions(), FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw file.Error("was not found. Check the path, or create the file first.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw file.Error($"cannot be opened ({e.Message}). Check that it is readable and not locked.", e);
        }

        try
        {
            await file.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Moves to the next row; false at the end of the file.</summary>
    /// <exception cref="CsvSourceException">A row is larger than <see cref="MaxRowBytes"/>.</exception>
    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        ValueTask<bool> pending;
        try
        {
            pending = Reader.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException e)
        {
            throw RowTooLong(e);
        }

        // Most rows are already buffered: skip the async machinery for them.
        return pending.IsCompletedSuccessfully ? new ValueTask<bool>(pending.Result) : AwaitReadAsync(pending);
    }

    /// <summary>The quoting problem of the current row, if the reader reported one.</summary>
    public CsvMalformedRecord? TakeMalformed()
    {
        if (_malformed.Count == 0)
        {
            return null;
        }

        // The reader numbers records from the header (record 1); no records are skipped, so the row's is RowNumber + 1.
        var record = Reader.RowNumber + 1;
        while (_malformed.Count > 0 && _malformed.Peek().RecordNumber < record)
        {
            _malformed.Dequeue();
        }

        return _malformed.Count > 0 && _malformed.Peek().RecordNumber == record ? _malformed.Dequeue() : null;
    }

    /// <summary>An exception about this file; <paramref name="problem"/> follows the file's name ("was not found").</summary>
    public CsvSourceException Error(string problem, Exception? inner = null) =>
        new($"The CSV file '{Path}' {problem}", inner) { FilePath = Path };

    /// <summary>An exception about the columns of this file; <paramref name="problem"/> is a clause ("the header row has ...").</summary>
    public CsvSourceException ColumnError(string problem) =>
        new($"In the CSV file '{Path}', {problem}") { FilePath = Path };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Reader.DisposeAsync();

    private CsvReaderOptions ReaderOptions() => CsvReaderOptions.Default with
    {
        // Comma-separated only: detecting the separator could misread a one-column file.
        Separator = ',',
        DetectSeparatorHint = false,
        TrackLineNumbers = true,
        // Spaces around separators are layout, not data ("a, b"); spaces inside quotes are kept.
        TrimWhitespace = true,
        SkipEmptyLines = true,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        OnMalformedRecord = _malformed.Enqueue,
        MaxRecordSize = MaxRowBytes,
        BufferSize = BufferBytes,
    };

    private async ValueTask<bool> AwaitReadAsync(ValueTask<bool> pending)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            throw RowTooLong(e);
        }
    }

    private CsvSourceException RowTooLong(CsvFormatException e)
    {
        var line = e.LineNumber > 0 ? $"at line {e.LineNumber} " : string.Empty;
        return Error(
            $"has a row {line}longer than {MaxRowBytes / (1024 * 1024)} MB, which is almost always a quoted value whose closing quote is missing. " +
            "Close the quote (write a quote inside a quoted value as two quotes, \"\") and import again.", e);
    }

    private async Task ReadHeaderAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            throw RowTooLong(e);
        }

        if (Reader.Headers.Count == 0)
        {
            throw Error("is empty. A CSV file needs a header row naming the columns (e.g. 'email,first_name,last_name') followed by one row per record.");
        }

        HeaderLine = Reader.LineNumber;
        if (Reader.Headers.All(string.IsNullOrWhiteSpace))
        {
            throw Error(
                $"has no header row: line {HeaderLine} has no column names. " +
                "Put the column names on the first line (e.g. 'email,first_name,last_name') and the records below it.");
        }

        if (_malformed.Count > 0 && _malformed.Peek().RecordNumber == 1 && _malformed.Peek().Reason != CsvMalformedReason.StrayQuote)
        {
            throw Error(
                $"has a malformed header row (line {HeaderLine}): {CsvRowErrors.Describe(_malformed.Peek().Reason)} " +
                "Fix the quoting of the column names.");
        }

        if (Reader.Headers.FirstOrDefault(LooksLikeValue) is { } value)
        {
            throw Error(
                $"has no header row: line {HeaderLine} holds values such as '{value}' rather than column names. " +
                "Add a first line with the column names (e.g. 'email,first_name,last_name').");
        }
    }

    // An email address or a URL is never a column name: the first line is a record.
    private static bool LooksLikeValue(string header)
    {
        var h = header.Trim();
        var at = h.IndexOf('@', StringComparison.Ordinal);
        var isEmail = at > 0 && at == h.LastIndexOf('@') && h.IndexOf('.', at) > at + 1 && !h.Any(char.IsWhiteSpace);
        return isEmail || h.Contains("://", StringComparison.Ordinal);
    }
}
