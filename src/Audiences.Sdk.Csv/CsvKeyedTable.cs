using Audiences.Sdk.Destinations;
using CsvHelper;

namespace Audiences.Sdk.Csv;

/// <summary>
/// A CSV file held in memory as a table: its columns, its rows in file order, and the first row of each key. Loaded
/// whole and saved whole, by writing a file beside it and moving that over it, so the file on disk is always either
/// the one before a batch or the one after it.
/// </summary>
internal sealed class CsvKeyedTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<string?[]> _rows;

    private CsvKeyedTable(string path, IReadOnlyList<string> columns, int key, List<string?[]> rows)
    {
        Path = path;
        Columns = columns;
        Key = key;
        _rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            _columns.TryAdd(columns[i], i);
        }
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The columns, in the file's order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The index of the key column.</summary>
    public int Key { get; }

    /// <summary>The index of the column named <paramref name="name"/>, or -1.</summary>
    public int Column(string name) => _columns.GetValueOrDefault(name, -1);

    /// <summary>The first row holding <paramref name="key"/>, or null.</summary>
    public string?[]? Row(string key) => _rows.Find(r => r[Key] == key);

    /// <summary>Appends a row holding <paramref name="key"/> and nothing else.</summary>
    public string?[] Append(string key)
    {
        var row = new string?[Columns.Count];
        row[Key] = key;
        _rows.Add(row);
        return row;
    }

    /// <summary>Removes every row holding <paramref name="key"/>.</summary>
    public void Remove(string key) => _rows.RemoveAll(r => r[Key] == key);

    /// <summary>
    /// Reads the file; a file that does not exist (or is empty) is a table with the columns the options give and no rows.
    /// </summary>
    /// <exception cref="DestinationUnavailableException">The file cannot be read (transient), or it has no usable header or no key column, or it does not exist and no columns are given (not transient).</exception>
    public static async Task<CsvKeyedTable> LoadAsync(CsvFileDestinationOptions options, CancellationToken cancellationToken)
    {
        var path = options.Path;
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            if (options.Columns is not { Count: > 0 } given)
            {
                throw Refused(path, $"does not exist yet, and no columns are given for it; name the columns of the new file (e.g. 'columns' = '{options.KeyColumn},email,name').");
            }

            List<string> columns = given.Contains(options.KeyColumn, StringComparer.Ordinal) ? [.. given] : [options.KeyColumn, .. given];
            return Checked(path, columns, options.KeyColumn, []);
        }

        try
        {
            var reader = CsvReader.FromFile(path, ReaderOptions, FileOptions.SequentialScan | FileOptions.Asynchronous);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
                if (reader.Headers.Count == 0)
                {
                    throw Refused(path, "has no header row; its first line must name the columns.");
                }

                List<string> columns = [.. reader.Headers.Select(h => h.Trim())];
                var rows = new List<string?[]>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new string?[columns.Count];
                    for (var i = 0; i < Math.Min(columns.Count, reader.FieldCount); i++)
                    {
                        row[i] = reader[i].ToString();
                    }

                    rows.Add(row);
                }

                return Checked(path, columns, options.KeyColumn, rows);
            }
        }
        catch (Exception e) when (e is CsvFormatException)
        {
            throw Refused(path, $"cannot be read as CSV: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException)
        {
            throw new DestinationUnavailableException($"The CSV file '{path}' cannot be read: {e.Message}", e);
        }
        catch (Exception e) when (e is UnauthorizedAccessException)
        {
            throw Refused(path, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes the table to a file beside <see cref="Path"/> and moves it over the file: a crash leaves the old file
    /// whole (and perhaps a stray temporary file, which is never read).
    /// </summary>
    /// <param name="beforeReplace">Runs after the new file is written and before it replaces the old one.</param>
    /// <param name="cancellationToken">Stops writing before the file is replaced.</param>
    /// <exception cref="DestinationUnavailableException">The file cannot be written.</exception>
    public async Task SaveAsync(Func<string, CancellationToken, Task>? beforeReplace, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(Path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                var writer = CsvWriter.Create(stream, WriterOptions, leaveOpen: true);
                await using (writer.ConfigureAwait(false))
                {
                    writer.WriteHeader([.. Columns]);
                    foreach (var row in _rows)
                    {
                        await writer.WriteRecordAsync(row!, cancellationToken).ConfigureAwait(false);
                    }

                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                // On disk before the move, so the file that replaces the old one is whole even after a power cut.
                stream.Flush(flushToDisk: true);
            }

            if (beforeReplace is not null)
            {
                await beforeReplace(temporary, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new DestinationUnavailableException($"The CSV file '{Path}' cannot be written: {e.Message}", e)
            {
                Transient = e is IOException,
            };
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static CsvReaderOptions ReaderOptions => CsvReaderOptions.Default with
    {
        Separator = ',',
        DetectSeparatorHint = false,
        // Values are kept exactly as written, so a rewrite changes nothing it was not asked to.
        TrimWhitespace = false,
        SkipEmptyLines = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        // A file whose quoting is broken is refused: a rewrite of what a lenient read made of it would lose data.
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    private static CsvWriterOptions WriterOptions => CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = "\n",
    };

    private static CsvKeyedTable Checked(string path, List<string> columns, string keyColumn, List<string?[]> rows)
    {
        if (columns.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            throw Refused(path, "has a column without a name; name every column of its header.");
        }

        if (columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Refused(path, $"has the column '{twice.Key}' twice; give each column a name of its own.");
        }

        var key = columns.IndexOf(keyColumn);
        return key < 0
            ? throw Refused(path, $"has no key column '{keyColumn}'; its columns are {string.Join(", ", columns.Select(c => $"'{c}'"))}.")
            : new CsvKeyedTable(path, columns, key, rows);
    }

    private static DestinationUnavailableException Refused(string path, string problem, Exception? inner = null) =>
        inner is null
            ? new DestinationUnavailableException($"The CSV file '{path}' {problem}") { Transient = false }
            : new DestinationUnavailableException($"The CSV file '{path}' {problem}", inner) { Transient = false };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary file left behind is never read; the next save writes another.
        }
    }
}
