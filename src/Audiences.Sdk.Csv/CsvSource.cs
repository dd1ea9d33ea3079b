using System.Runtime.CompilerServices;
using Audiences.Sdk.Import;

namespace Audiences.Sdk.Csv;

/// <summary>
/// Reads a CSV file as source rows for <see cref="IProfileService.ImportAsync"/>: one source record
/// per row, keyed by the id column or the row number, with each header normalized to a field key
/// unless mapped. Malformed rows become rejected rows and reading goes on.
/// </summary>
/// <remarks>
/// The file is streamed in constant memory (the set of ids seen is kept when an id column is named).
/// When columns create new fields, the file is read once more first to infer their types.
/// </remarks>
public sealed class CsvSource
{
    private readonly string _sourceName;

    // The file read, which is Options.Path unless the rows came from a stream spooled to a temporary file.
    private readonly string _readFrom;

    /// <summary>Creates a source over a file; the file is not opened until it is read.</summary>
    /// <param name="options">The file and how its columns become fields.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid: a blank path or name, a mapping given twice, a non-positive sample size.</exception>
    public CsvSource(CsvSourceOptions options)
        : this(options, options?.Path!)
    {
    }

    /// <summary>Creates a source that reads <paramref name="readFrom"/> but names <see cref="CsvSourceOptions.Path"/> in its keys and messages.</summary>
    internal CsvSource(CsvSourceOptions options, string readFrom)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _sourceName = Validate(options);
        _readFrom = readFrom;
    }

    /// <summary>The options the source reads with.</summary>
    public CsvSourceOptions Options { get; }

    /// <summary>
    /// Reads the rows in file order. Each row is a record (with the 1-based line where it starts) or,
    /// when malformed, an <see cref="ImportError"/> naming the line, the field and the fix.
    /// </summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The rows, read as they are enumerated; each enumeration reads the file again.</returns>
    /// <exception cref="CsvSourceException">
    /// Thrown by the first move, before any row: the file is missing, empty or has no header, a header is
    /// blank or repeated, or the options name a column the file lacks. Thrown later only when a row is
    /// larger than 16 MB, which is almost always a quote that is never closed.
    /// </exception>
    /// <exception cref="OperationCanceledException">Reading was cancelled.</exception>
    public async IAsyncEnumerable<SourceRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var file = await CsvFile.OpenAsync(Options.Path, _readFrom, cancellationToken).ConfigureAwait(false);
        await using (file.ConfigureAwait(false))
        {
            var layout = CsvLayout.Resolve(file, Options);
            await CsvTypeInference.InferAsync(Options.Path, _readFrom, layout, Options.SampleRows, cancellationToken).ConfigureAwait(false);
            var converter = new CsvRowConverter(layout, Options, _sourceName);
            while (await file.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Buffered rows are returned without a read that would observe the token.
                cancellationToken.ThrowIfCancellationRequested();
                yield return converter.Convert(file);
            }
        }
    }

    /// <summary>The same source reading with other options (the catalog's field types, say).</summary>
    internal CsvSource With(CsvSourceOptions options) => new(options, _readFrom);

    /// <summary>Opens the file and resolves its header, so a missing, empty or header-less file fails early.</summary>
    /// <exception cref="CsvSourceException">The file cannot be read as a whole.</exception>
    internal async Task CheckAsync(CancellationToken cancellationToken)
    {
        var file = await CsvFile.OpenAsync(Options.Path, _readFrom, cancellationToken).ConfigureAwait(false);
        await using (file.ConfigureAwait(false))
        {
            CsvLayout.Resolve(file, Options);
        }
    }

    private static string Validate(CsvSourceOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options));
        if (!Enum.IsDefined(options.Kind))
        {
            throw new ArgumentException($"CsvSourceOptions.Kind is {options.Kind}; use EntityKind.Person or EntityKind.Company.", nameof(options));
        }

        if (options.SampleRows is < 1)
        {
            throw new ArgumentException($"CsvSourceOptions.SampleRows is {options.SampleRows}; use a positive number of rows, or null to read the whole file.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ObjectName))
        {
            throw new ArgumentException("CsvSourceOptions.ObjectName is blank; name the object, or leave it unset for the kind's default (people or companies).", nameof(options));
        }

        if (options.IdColumn is not null && string.IsNullOrWhiteSpace(options.IdColumn))
        {
            throw new ArgumentException("CsvSourceOptions.IdColumn is blank; name the id column, or leave it null to key rows by row number.", nameof(options));
        }

        if (options.Mappings is null || options.Mappings.Any(m => m is null))
        {
            throw new ArgumentException("CsvSourceOptions.Mappings is null or contains null; give an empty list for no mappings.", nameof(options));
        }

        var source = options.SourceName ?? Path.GetFileNameWithoutExtension(options.Path);
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ArgumentException($"No source name can be taken from the path '{options.Path}'; set CsvSourceOptions.SourceName.", nameof(options));
        }

        return source;
    }
}
