using System.Runtime.CompilerServices;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv;

/// <summary>
/// A destination that keeps a CSV file as a table keyed by one column: its object is the file, its fields the
/// columns (text), and it reads, creates, updates and removes rows. Each batch is applied to the whole file in memory
/// and the file rewritten atomically (written beside it, then moved over it), so the file is always whole: the one
/// before the batch or the one after it.
/// </summary>
/// <remarks>
/// Rows keep their order; created rows are appended. A file that does not exist yet is created with the columns the
/// options give. Values are written as invariant text: numbers as .NET round-trip text, booleans <c>true</c> and
/// <c>false</c>, date-times ISO 8601 in UTC, lists joined by <c>; </c>. A write of a column the file lacks fails its
/// record; no column is ever added. Calls on one destination are serialised; the file must not be written by others
/// meanwhile, since the last rewrite wins.
/// </remarks>
public sealed class CsvFileDestination : IDestination, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the destination; the file is not touched until it describes, reads or writes.</summary>
    /// <param name="options">The file, its key column and the columns of a new file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The path or key column is blank, a limit is below one, or a column is blank.</exception>
    public CsvFileDestination(CsvFileDestinationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options));
        if (string.IsNullOrWhiteSpace(options.KeyColumn))
        {
            throw new ArgumentException($"The CSV destination '{options.Path}' needs a key column.", nameof(options));
        }

        if (options.MaxBatchSize < 1 || options.MaxReadSize < 1)
        {
            throw new ArgumentException($"The CSV destination '{options.Path}' needs a batch size and a read size of at least one.", nameof(options));
        }

        if (options.Columns?.Any(string.IsNullOrWhiteSpace) == true)
        {
            throw new ArgumentException($"The columns of the CSV destination '{options.Path}' include a blank one.", nameof(options));
        }

        Options = options;
    }

    /// <summary>The options the destination writes with.</summary>
    public CsvFileDestinationOptions Options { get; }

    /// <summary>Runs after a batch's new file is written and before it replaces the old one; for tests that stop there.</summary>
    internal Func<string, CancellationToken, Task>? BeforeReplace { get; set; }

    /// <inheritdoc />
    public async ValueTask<DestinationDescription> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var table = await LoadAsync(cancellationToken).ConfigureAwait(false);
        return new DestinationDescription(
            Path.GetFileNameWithoutExtension(Options.Path), Options.KeyColumn, [.. table.Columns.Select(c => new DestinationField(c, FieldType.Text))])
        {
            MaxBatchSize = Options.MaxBatchSize,
            MaxReadSize = Options.MaxReadSize,
            CanRead = true,
            CanCreate = true,
            CanRemove = true,
        };
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The request has more keys than the read size, or a field the file has no column for.</exception>
    public async IAsyncEnumerable<DestinationRecord> ReadAsync(
        DestinationReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Keys.Count > Options.MaxReadSize)
        {
            throw new ArgumentException($"A read of the CSV file '{Options.Path}' takes at most {Options.MaxReadSize} keys, not {request.Keys.Count}.", nameof(request));
        }

        var table = await LoadAsync(cancellationToken).ConfigureAwait(false);
        var columns = request.Fields.Distinct(StringComparer.Ordinal).Select(f => (Name: f, Index: table.Column(f) is >= 0 and var i ? i : throw new ArgumentException(
            $"The CSV file '{Options.Path}' has no column '{f}' to read.", nameof(request)))).ToList();
        foreach (var key in request.Keys.Distinct(StringComparer.Ordinal))
        {
            if (table.Row(key) is { } row)
            {
                yield return new DestinationRecord(key, columns.ToDictionary(c => c.Name, c => FieldValue.FromText(row[c.Index]), StringComparer.Ordinal));
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The batch is larger than the batch size or has a key twice.</exception>
    public async Task<IReadOnlyList<DestinationResult>> WriteAsync(IReadOnlyList<DestinationWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        cancellationToken.ThrowIfCancellationRequested();
        if (writes.Count > Options.MaxBatchSize)
        {
            throw new ArgumentException($"A write to the CSV file '{Options.Path}' takes at most {Options.MaxBatchSize} records, not {writes.Count}.", nameof(writes));
        }

        if (writes.GroupBy(w => w.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"A write to the CSV file '{Options.Path}' has the key '{twice.Key}' twice.", nameof(writes));
        }

        if (writes.Count == 0)
        {
            return [];
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var table = await CsvKeyedTable.LoadAsync(Options, cancellationToken).ConfigureAwait(false);
            var results = writes.Select(w => Apply(table, w)).ToList();
            if (results.Exists(r => r.Succeeded))
            {
                await table.SaveAsync(BeforeReplace, cancellationToken).ConfigureAwait(false);
            }

            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<CsvKeyedTable> LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CsvKeyedTable.LoadAsync(Options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private DestinationResult Apply(CsvKeyedTable table, DestinationWrite write)
    {
        if (string.IsNullOrEmpty(write.Key))
        {
            return DestinationResult.Failure(write.Key, $"A row of the CSV file '{Options.Path}' needs a key in its column '{Options.KeyColumn}'.", retryable: false);
        }

        if (write.Kind == DestinationWriteKind.Remove)
        {
            // A row that is gone already is what a retried removal finds.
            table.Remove(write.Key);
            return DestinationResult.Success(write.Key);
        }

        var cells = new List<(int Index, string? Text)>(write.Values.Count);
        foreach (var (field, value) in write.Values)
        {
            var index = table.Column(field);
            if (index < 0)
            {
                return DestinationResult.Failure(write.Key, $"The CSV file '{Options.Path}' has no column '{field}'.", retryable: false);
            }

            if (index != table.Key)
            {
                cells.Add((index, value.IsEmpty ? null : value.ToString()));
            }
        }

        var row = table.Row(write.Key);
        if (row is null && write.Kind == DestinationWriteKind.Update)
        {
            return DestinationResult.Failure(write.Key, $"The CSV file '{Options.Path}' has no row with the key '{write.Key}' to update: not found.", retryable: false);
        }

        // A create of a row that exists by now sets its values, so a retried create changes nothing more.
        row ??= table.Append(write.Key);
        foreach (var (index, text) in cells)
        {
            row[index] = text;
        }

        return DestinationResult.Success(write.Key);
    }
}
