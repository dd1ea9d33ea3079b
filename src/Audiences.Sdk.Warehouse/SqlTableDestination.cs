using System.Data.Common;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// A destination over one table of any ADO.NET provider (tested with SQLite and PostgreSQL): its object is the table,
/// its fields the table's columns with their types, its key a column. It reads, creates, updates and removes rows.
/// </summary>
/// <remarks>
/// <para>
/// An update sets the columns given of the rows with the key (none: the record fails as not found); a create updates
/// the row with the key or, when there is none, inserts one, so a retried create changes nothing; a removal deletes
/// the rows with the key (none is no failure). Values are bound as parameters typed from the columns: numbers,
/// booleans and date-times as the column takes them (text that parses as one is accepted), lists as arrays in an
/// array column and as text joined by <c>; </c> elsewhere.
/// </para>
/// <para>
/// A batch is applied in one transaction with a savepoint around each record, so a record the database refuses (a
/// constraint, a value that does not convert) is rolled back alone and answered with the database's reason, naming
/// the table, while the rest commit. A failure a retry may cure (a connection that drops, a timeout) rolls back the
/// whole batch and throws <see cref="DestinationUnavailableException"/>. Each call opens its own connection.
/// </para>
/// </remarks>
public sealed class SqlTableDestination : IDestination
{
    private const string Savepoint = "audiences_write";

    private readonly SqlDialect _dialect;
    private SqlTable? _table;

    /// <summary>Creates the destination; no connection is opened until it describes, reads or writes.</summary>
    /// <param name="options">The provider, connection, table and key column.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or its provider factory is null.</exception>
    /// <exception cref="ArgumentException">An option is blank or out of range.</exception>
    public SqlTableDestination(SqlTableDestinationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.ProviderFactory, nameof(options));
        Check(!string.IsNullOrWhiteSpace(options.ConnectionString), "needs a connection string");
        Check(!string.IsNullOrWhiteSpace(options.Table), "needs a table");
        Check(!string.IsNullOrWhiteSpace(options.KeyColumn), $"of the table '{options.Table}' needs a key column");
        Check(options.MaxBatchSize > 0, $"of the table '{options.Table}' needs a positive batch size, not {options.MaxBatchSize}");
        Check(options.MaxReadSize > 0, $"of the table '{options.Table}' needs a positive read size, not {options.MaxReadSize}");
        Check(SqlDialect.IsMarker(options.ParameterMarker), $"takes the parameter marker @, :, $ or ?, not '{options.ParameterMarker}'");
        Check(SqlDialect.IsQuote(options.IdentifierQuote), $"takes the identifier quote \", ` or [, not '{options.IdentifierQuote}'");
        Check(options.CommandTimeout is not { } timeout || (timeout > TimeSpan.Zero && timeout.TotalSeconds <= int.MaxValue), "needs a positive command timeout");
        Options = options;
        _dialect = new SqlDialect(options.ProviderFactory, options.ParameterMarker, options.IdentifierQuote);

        static void Check(bool condition, string problem)
        {
            if (!condition)
            {
                throw new ArgumentException($"The SQL destination {problem}.", nameof(options));
            }
        }
    }

    /// <summary>The options the destination writes with.</summary>
    public SqlTableDestinationOptions Options { get; }

    /// <inheritdoc />
    public async ValueTask<DestinationDescription> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        return new DestinationDescription(table.Name, table.Key.Name, [.. table.Columns.Select(c => new DestinationField(c.Name, c.Type))])
        {
            MaxBatchSize = Options.MaxBatchSize,
            MaxReadSize = Options.MaxReadSize,
            CanRead = true,
            CanCreate = true,
            CanRemove = true,
        };
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The request has more keys than the read size, or a field the table has no column for.</exception>
    public async IAsyncEnumerable<DestinationRecord> ReadAsync(
        DestinationReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Keys.Count > Options.MaxReadSize)
        {
            throw new ArgumentException(
                $"A read of the table '{Options.QualifiedName}' takes at most {Options.MaxReadSize} keys, not {request.Keys.Count}.", nameof(request));
        }

        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var columns = request.Fields.Distinct(StringComparer.Ordinal).Select(f => table.Column(f) ?? throw new ArgumentException(
            $"The table '{table.Name}' has no column '{f}' to read.", nameof(request))).ToList();

        // Keys as parameters of the key column's type, each mapped back to the key as asked (1 for "01" in a number
        // column); a key that cannot be a value of the column is held by no row.
        var asked = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new List<object>();
        foreach (var key in request.Keys)
        {
            if (SqlParameterValues.Key(key, table.Key) is { } parameter && asked.TryAdd(SqlValues.Text(parameter), key))
            {
                keys.Add(parameter);
            }
        }

        if (keys.Count == 0)
        {
            yield break;
        }

        var records = new List<DestinationRecord>();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new SqlTableStatements(table, _dialect).Select(keys, columns).CreateCommand(connection, Options.CommandTimeout);
            await using (command.ConfigureAwait(false))
            {
                try
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            if (reader.IsDBNull(0) || !asked.Remove(SqlValues.Text(reader.GetValue(0)), out var key))
                            {
                                continue;
                            }

                            var values = new Dictionary<string, FieldValue>(columns.Count, StringComparer.Ordinal);
                            for (var i = 0; i < columns.Count; i++)
                            {
                                values[columns[i].Name] = SqlTableStatements.Read(reader.GetValue(i + 1), columns[i]);
                            }

                            records.Add(new DestinationRecord(key, values));
                        }
                    }
                }
                catch (Exception ex) when (SqlFailures.IsTransient(ex, connection, cancellationToken))
                {
                    throw SqlFailures.DestinationUnavailable(table.Name, "read", ex);
                }
            }
        }

        foreach (var record in records)
        {
            yield return record;
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
            throw new ArgumentException(
                $"A write to the table '{Options.QualifiedName}' takes at most {Options.MaxBatchSize} records, not {writes.Count}.", nameof(writes));
        }

        if (writes.GroupBy(w => w.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"A write to the table '{Options.QualifiedName}' has the key '{twice.Key}' twice.", nameof(writes));
        }

        if (writes.Count == 0)
        {
            return [];
        }

        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var statements = new SqlTableStatements(table, _dialect);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var results = new List<DestinationResult>(writes.Count);
                    foreach (var write in writes)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        results.Add(await ApplyAsync(write, table, statements, connection, transaction, cancellationToken).ConfigureAwait(false));
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return results;
                }
            }
            catch (Exception ex) when (SqlFailures.IsTransient(ex, connection, cancellationToken))
            {
                throw SqlFailures.DestinationUnavailable(table.Name, "write to", ex);
            }
        }
    }

    // One record in a savepoint of its own: a refusal rolls back that record alone and answers it.
    private async Task<DestinationResult> ApplyAsync(
        DestinationWrite write, SqlTable table, SqlTableStatements statements, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (SqlParameterValues.Key(write.Key, table.Key) is not { } key)
        {
            return write.Kind == DestinationWriteKind.Remove
                ? DestinationResult.Success(write.Key)
                : DestinationResult.Failure(write.Key, $"The key '{write.Key}' cannot be a value of the key column '{table.Key.Name}' of the table '{table.Name}'.", retryable: false);
        }

        var (values, problem) = write.Kind == DestinationWriteKind.Remove ? ([], null) : statements.Values(write);
        if (problem is not null)
        {
            return DestinationResult.Failure(write.Key, problem, retryable: false);
        }

        await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            var found = write.Kind switch
            {
                DestinationWriteKind.Remove => await ExecuteAsync(statements.Delete(key), connection, transaction, cancellationToken).ConfigureAwait(false) >= 0,
                _ when values.Count > 0 => await ExecuteAsync(statements.Update(key, values), connection, transaction, cancellationToken).ConfigureAwait(false) > 0,
                _ => await CountAsync(statements.Count(key), connection, transaction, cancellationToken).ConfigureAwait(false) > 0,
            };

            if (!found && write.Kind == DestinationWriteKind.Update)
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
                return DestinationResult.Failure(write.Key, $"The table '{table.Name}' has no row with the key '{write.Key}' to update: not found.", retryable: false);
            }

            if (!found)
            {
                await ExecuteAsync(statements.Insert(key, values), connection, transaction, cancellationToken).ConfigureAwait(false);
            }

            await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            return DestinationResult.Success(write.Key);
        }
        catch (DbException ex) when (!SqlFailures.IsTransient(ex, connection, cancellationToken))
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            return DestinationResult.Failure(write.Key, $"The table '{table.Name}' refused the {write.Kind.ToString().ToLowerInvariant()} of '{write.Key}': {ex.Message}", retryable: false);
        }
    }

    private async Task<int> ExecuteAsync(SqlStatement statement, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var command = statement.CreateCommand(connection, Options.CommandTimeout);
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<long> CountAsync(SqlStatement statement, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var command = statement.CreateCommand(connection, Options.CommandTimeout);
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    // Described once per destination (one per export run): the columns do not change under a run.
    private async Task<SqlTable> TableAsync(CancellationToken cancellationToken)
    {
        if (_table is { } table)
        {
            return table;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return _table = await SqlTable.DescribeAsync(connection, Options, _dialect, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Options.ProviderFactory.CreateConnection() ?? throw new InvalidOperationException(
            $"The provider factory {Options.ProviderFactory.GetType().Name} of the SQL destination '{Options.QualifiedName}' creates no connections.");
        try
        {
            connection.ConnectionString = Options.ConnectionString;
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (SqlFailures.IsTransient(ex, null, cancellationToken) || ex is DbException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw SqlFailures.DestinationUnavailable(Options.QualifiedName, "connect to the database of", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
