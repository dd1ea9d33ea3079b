using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Schema;
using Audiences.Sdk.Sqlite.Storage;
using Audiences.Sdk.Sqlite.Writing;
using Audiences.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The data of one SQLite store, which its contracts (<see cref="SqliteProfileStore"/>, <see cref="SqliteMergeLedger"/>, …)
/// share: one database file holds profiles, source records, aliases, the merge
/// ledger, the field catalog, related records, audiences, syncs, drafts and the credit ledger. Write sessions are single transactions on one
/// long-lived connection; reads use pooled connections and see the last committed session (WAL),
/// so any number of readers run alongside the writer. Several processes may share a file: their
/// write sessions take turns.
/// </summary>
/// <remarks>
/// Opening the store creates the file when it is missing and brings its schema up to date.
/// Errors about the file itself (damaged, locked for too long, not writable, disk full) are raised
/// as <see cref="IOException"/> with a message that names the file and what to do.
/// </remarks>
internal sealed class SqliteStore : IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly SqliteWriterHost _writer;
    private readonly TimeProvider _timeProvider;
    private int _disposed;

    /// <summary>Opens (or creates) the database and applies schema migrations.</summary>
    /// <param name="options">The store settings; <see cref="SqliteStoreOptions.ConnectionString"/> is required.</param>
    /// <param name="timeProvider">The clock for "now" in filters (<c>within last</c>); <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message says what to change.</exception>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of the store.</exception>
    /// <exception cref="IOException">The file cannot be opened or created, is locked, or is not a usable database.</exception>
    public SqliteStore(SqliteStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        var validation = new SqliteStoreOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _database = SqliteDatabase.Create(options);
        SqliteConnection? connection = null;
        try
        {
            connection = _database.OpenWriter();
            SchemaMigrator.Apply(connection, SchemaMigrations.All, _database.FilePath);
            _writer = new SqliteWriterHost(_database, connection);
        }
        catch (Exception ex)
        {
            connection?.Dispose();
            _database.Dispose();
            if (ex is SqliteException sqlite && SqliteErrors.IsAboutFile(sqlite))
            {
                throw SqliteErrors.Describe(sqlite, _database);
            }

            throw;
        }
    }

    /// <summary>The full path of the database file (a temporary file for an in-memory store).</summary>
    public string FilePath => _database.FilePath;

    /// <summary>The database file, shared by every contract of the store.</summary>
    public SqliteDatabase Database => _database;

    /// <summary>The clock for "now" in filters (<c>within last</c>).</summary>
    public TimeProvider Time => _timeProvider;

    /// <summary>Opens the single writer session, waiting while another one (of this process or another) is open.</summary>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    /// <exception cref="IOException">The database stayed locked by another process for longer than the busy timeout, or is unusable.</exception>
    public async ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
        await _writer.BeginAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>This store's session behind <paramref name="session"/>, whatever decorators wrap it.</summary>
    /// <exception cref="ArgumentException">The session was begun by another store.</exception>
    public SqliteWriteSession SessionOf(IProfileWriteSession session)
    {
        var own = DelegatingProfileWriteSession.Unwrap<SqliteWriteSession>(session);
        return own.Host == _writer
            ? own
            : throw new ArgumentException($"The write session was begun by another SQLite store than the one of '{FilePath}'; pass a session of this store.", nameof(session));
    }

    /// <summary>Closes the database. An open write session is rolled back; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _writer.Dispose();
        _database.Dispose();
    }

    /// <summary>Closes the database, as <see cref="Dispose"/> does.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs a write that stands alone (a sync definition or run, a draft, a credit reservation) in its own short <c>BEGIN IMMEDIATE</c>
    /// transaction on a writer connection of its own: it takes turns with write sessions, of this process and others,
    /// waiting up to the busy timeout, and commits when <paramref name="write"/> returns (rolls back when it throws).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    /// <exception cref="IOException">The database stayed locked for longer than the busy timeout, or is unusable.</exception>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var connection = _database.OpenWriter();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException ex) when (SqliteErrors.IsAboutFile(ex))
        {
            throw SqliteErrors.Describe(ex, _database);
        }
    }

    /// <summary>Runs a read on a pooled connection, in one committed snapshot.</summary>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public T Read<T>(Func<ReadScope, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var scope = new ReadScope(_database.OpenReader());
            return read(scope);
        }
        catch (SqliteException ex) when (SqliteErrors.IsAboutFile(ex))
        {
            throw SqliteErrors.Describe(ex, _database);
        }
    }
}
