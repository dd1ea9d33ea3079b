using Audiences.Sdk.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// The store's single writer: its long-lived connection (which keeps a warm page cache across
/// sessions), the gate that admits one session at a time in this process, and the match filters.
/// Writers of other processes are serialized by SQLite's write lock (<c>BEGIN IMMEDIATE</c>).
/// </summary>
internal sealed class SqliteWriterHost(SqliteDatabase database, SqliteConnection connection) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _disposed;

    public SqliteDatabase Database { get; } = database;

    public SqliteConnection Connection { get; } = connection;

    public MatchFilters Filters { get; } = new();

    /// <summary>
    /// The value-row queue of the session that holds the gate: kept across sessions so every batch
    /// reuses its buffers; each session clears it when it begins.
    /// </summary>
    public ValueRowQueue ValueRows { get; } = new();

    /// <summary>Checkpoints the log in the background after commits.</summary>
    public WalCheckpointer Checkpointer { get; } = database.OpenCheckpointer();

    public bool IsDisposed => _disposed;

    /// <summary>Waits for the gate, then starts a session that holds it until it ends.</summary>
    public async ValueTask<SqliteWriteSession> BeginAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, typeof(SqliteStore));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(SqliteStore));
            return SqliteWriteSession.Begin(this);
        }
        catch (SqliteException ex) when (SqliteErrors.IsAboutFile(ex))
        {
            _gate.Release();
            throw SqliteErrors.Describe(ex, Database);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// <summary>Lets the next session in; called once by each session when it ends.</summary>
    public void EndSession() => _gate.Release();

    /// <summary>Closes the connection; an open session is rolled back by SQLite.</summary>
    public void Dispose()
    {
        // The gate is not disposed: a session still open, or a caller still waiting, releases or
        // acquires it later and then sees that the store is disposed.
        _disposed = true;
        Checkpointer.Dispose();
        Connection.Dispose();
    }
}
