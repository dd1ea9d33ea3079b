using System.Data.Common;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// A source over one SQL query of any ADO.NET provider: its one object is the query's result, whose fields are its
/// columns. A full read returns every row; an incremental read returns the rows changed after a cursor, by a
/// timestamp column, safely against rows committed late and rows sharing a timestamp (see remarks).
/// </summary>
/// <remarks>
/// <para>
/// Every read sends the query as a subquery with an order: by the id field, or by the timestamp field then the id
/// when one is named, so every batch's cursor is a true watermark (the timestamp and id of the last row read) and the
/// instant the read started. An incremental read resumes after the watermark — rows sharing its timestamp are told
/// apart by the id — and also reads again every row stamped within <see cref="SqlQuerySourceOptions.Overlap"/> before
/// the previous read's start, which that read may not have seen committed; the sync engine's import is idempotent,
/// so a row read twice changes nothing. Rows stamped after the read's own start (by the <see cref="TimeProvider"/>,
/// not the database's clock) are left to the next read. A read that finds nothing still returns one empty batch
/// with a cursor, so the window moves on.
/// </para>
/// <para>
/// A row whose id is empty, or repeats one read before in the same read, is returned with
/// <see cref="SourceItem.Problem"/> set, never dropped. Deleted rows are not reported (<see cref="SourceBatch.Deleted"/>
/// stays empty): the caller finds them by comparing the ids of a full read with those it holds. Rows without a
/// timestamp are read by full reads and by the first incremental read only.
/// </para>
/// <para>
/// Failures a retry may cure — a connection that cannot be opened or drops, a timeout — throw
/// <see cref="SourceUnavailableException"/>; any other provider error (a syntax error, a missing table) is thrown as
/// the provider threw it. Each read opens its own connection; reads may run concurrently.
/// </para>
/// </remarks>
public sealed class SqlQuerySource : ISource
{
    private readonly SqlReadSettings _settings;
    private readonly TimeProvider _time;

    /// <summary>Creates a source; no connection is opened until it describes or reads.</summary>
    /// <param name="options">The provider, connection string and query.</param>
    /// <param name="timeProvider">The clock that caps incremental reads; the system clock when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its provider factory is null.</exception>
    /// <exception cref="ArgumentException">An option is blank or out of range, or the query holds a second statement or a parameter.</exception>
    public SqlQuerySource(SqlQuerySourceOptions options, TimeProvider? timeProvider = null)
    {
        _settings = SqlReadSettings.From(options);
        Options = options;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The options the source reads with.</summary>
    public SqlQuerySourceOptions Options { get; }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<SourceObject>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var fields = await SqlDescription.ReadAsync(connection, _settings, cancellationToken).ConfigureAwait(false);
            return [new SourceObject(_settings.ObjectName, fields)];
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public IAsyncEnumerable<SourceBatch> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ObjectName != _settings.ObjectName)
        {
            throw new ArgumentException(
                $"The SQL source has no object '{request.ObjectName}'; its one object is '{_settings.ObjectName}'.", nameof(request));
        }

        if (request.BatchSize <= 0)
        {
            throw new ArgumentException($"The batch size is {request.BatchSize}; make it positive.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.IdField))
        {
            throw new ArgumentException($"A read of the SQL source '{_settings.ObjectName}' needs an id field.", nameof(request));
        }

        SqlCursor? cursor = null;
        if (request.Mode == SourceReadMode.Incremental)
        {
            if (string.IsNullOrWhiteSpace(request.TimestampField))
            {
                throw new NotSupportedException(
                    $"An incremental read of the SQL source '{_settings.ObjectName}' (id field '{request.IdField}') needs a timestamp field: name a date-time column of the query that says when a row last changed, or read in full.");
            }

            cursor = request.Cursor is null ? null : SqlCursor.Read(request.Cursor, _settings.ObjectName, request.TimestampField);
        }

        return ReadBatchesAsync(request, cursor, cancellationToken);
    }

    private async IAsyncEnumerable<SourceBatch> ReadBatchesAsync(
        SourceReadRequest request, SqlCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Taken before anything is read: rows stamped later are left to the next read.
        var upTo = _time.GetUtcNow();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var fields = await SqlDescription.ReadAsync(connection, _settings, cancellationToken).ConfigureAwait(false);
            var plan = SqlReadPlan.Create(_settings, request, cursor, fields, upTo);
            var command = plan.Statement.CreateCommand(connection, _settings.CommandTimeout);
            await using (command.ConfigureAwait(false))
            {
                var reader = await ExecuteAsync(command, connection, cancellationToken).ConfigureAwait(false);
                var drained = false;
                try
                {
                    var rows = new SqlRows(reader, plan, fields);
                    var items = new List<SourceItem>(Math.Min(request.BatchSize, 1024));
                    var batches = 0;
                    while (true)
                    {
                        if (!await NextAsync(reader, connection, cancellationToken).ConfigureAwait(false))
                        {
                            drained = true;
                            break;
                        }

                        if (rows.IsPastCap())
                        {
                            break;
                        }

                        items.Add(rows.Read());
                        if (items.Count == request.BatchSize)
                        {
                            batches++;
                            yield return new SourceBatch(items, rows.Cursor.Write());
                            items = new List<SourceItem>(Math.Min(request.BatchSize, 1024));
                        }
                    }

                    if (items.Count > 0 || batches == 0)
                    {
                        yield return new SourceBatch(items, rows.Cursor.Write());
                    }
                }
                finally
                {
                    if (!drained)
                    {
                        // Stopped before the end (a preview's first rows, the read's time cap, a cancellation): without a
                        // cancel, disposing the reader makes most providers fetch the rest of the result first.
                        CancelQuietly(command);
                    }

                    await reader.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static void CancelQuietly(DbCommand command)
    {
        try
        {
            command.Cancel();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or NotSupportedException)
        {
            // A provider that cannot cancel reads the rest while the reader is disposed: slower, never wrong.
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Options.ProviderFactory.CreateConnection() ?? throw new InvalidOperationException(
            $"The provider factory {Options.ProviderFactory.GetType().Name} of the SQL source '{_settings.ObjectName}' creates no connections.");
        try
        {
            connection.ConnectionString = Options.ConnectionString;
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (SqlFailures.IsTransient(ex, null, cancellationToken))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw SqlFailures.Unavailable(_settings.ObjectName, "connect to", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<DbDataReader> ExecuteAsync(DbCommand command, DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (SqlFailures.IsTransient(ex, connection, cancellationToken))
        {
            throw SqlFailures.Unavailable(_settings.ObjectName, "read", ex);
        }
    }

    private async Task<bool> NextAsync(DbDataReader reader, DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (SqlFailures.IsTransient(ex, connection, cancellationToken))
        {
            throw SqlFailures.Unavailable(_settings.ObjectName, "read", ex);
        }
    }
}
