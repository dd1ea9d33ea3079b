using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Csv;

/// <summary>
/// A CSV file as a source for syncs: one object (named after the file unless given) whose fields are the header's
/// columns, typed from their values as an import types them, read in full in batches. A file has no changes to read
/// after a cursor, so incremental reads are refused; records missing from a later read of the file were deleted.
/// </summary>
/// <remarks>The file is read when described and on each read, so a sync sees the file as it is at each run.</remarks>
public sealed class CsvFileSource : ISource
{
    /// <summary>
    /// The id field that keys rows by their data row number (1 for the first row after the header), for files with no
    /// id column: re-reading the same file gives the same keys, but inserting a row changes the keys after it.
    /// </summary>
    public const string RowNumberField = "#row";

    private readonly string _path;
    private readonly string _objectName;

    /// <summary>Creates a source over a file; the file is not opened until it is described or read.</summary>
    /// <param name="path">The CSV file (UTF-8, comma-separated, with a header row).</param>
    /// <param name="objectName">The object's name; null uses the file name without its extension.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank, or no object name can be taken from it.</exception>
    public CsvFileSource(string path, string? objectName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _objectName = objectName ?? Path.GetFileNameWithoutExtension(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(_objectName, nameof(objectName));
    }

    /// <inheritdoc />
    /// <exception cref="CsvSourceException">The file is missing, empty or has no usable header.</exception>
    public async ValueTask<IReadOnlyList<SourceObject>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var file = await CsvFile.OpenAsync(_path, _path, cancellationToken).ConfigureAwait(false);
        await using (file.ConfigureAwait(false))
        {
            var layout = CsvLayout.Resolve(file, Options(idColumn: null));
            await CsvTypeInference.InferAsync(_path, _path, layout, null, cancellationToken).ConfigureAwait(false);
            SourceField[] fields = [new(RowNumberField, FieldType.Number) { IsGenerated = true }, .. layout.Columns.Select(c => new SourceField(c.Header, c.Type ?? FieldType.Text))];
            return [new SourceObject(_objectName, fields) { ReadsIncrementally = false }];
        }
    }

    /// <inheritdoc />
    /// <exception cref="CsvSourceException">The file is missing, empty or has no usable header.</exception>
    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.BatchSize, 1);
        if (!string.Equals(request.ObjectName, _objectName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The CSV file '{_path}' is the object '{_objectName}'; it has no object '{request.ObjectName}'.", nameof(request));
        }

        if (request.Mode == SourceReadMode.Incremental)
        {
            throw new NotSupportedException($"The CSV file '{_path}' has no changes to read after a cursor; read it in full.");
        }

        var idColumn = string.Equals(request.IdField, RowNumberField, StringComparison.Ordinal) ? null : request.IdField;
        var source = new CsvSource(Options(idColumn));
        var headers = await HeadersAsync(cancellationToken).ConfigureAwait(false);
        var batch = new List<SourceItem>(Math.Min(request.BatchSize, 65_536));
        await foreach (var row in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(CsvFileSourceItems.From(row, headers, idColumn ?? RowNumberField));
            if (batch.Count == request.BatchSize)
            {
                yield return new SourceBatch(batch, Cursor: null);
                batch = new List<SourceItem>(Math.Min(request.BatchSize, 65_536));
            }
        }

        if (batch.Count > 0)
        {
            yield return new SourceBatch(batch, Cursor: null);
        }
    }

    private CsvSourceOptions Options(string? idColumn) =>
        new(_path, EntityKind.Person) { SourceName = "csv", ObjectName = _objectName, IdColumn = idColumn };

    /// <summary>The header of each field key the import gives a column, to name values by column again.</summary>
    private async Task<Dictionary<string, string>> HeadersAsync(CancellationToken cancellationToken)
    {
        var file = await CsvFile.OpenAsync(_path, _path, cancellationToken).ConfigureAwait(false);
        await using (file.ConfigureAwait(false))
        {
            return CsvLayout.Resolve(file, Options(idColumn: null)).Columns
                .Where(c => c.Field is not null)
                .ToDictionary(c => c.Field!, c => c.Header, StringComparer.Ordinal);
        }
    }
}
