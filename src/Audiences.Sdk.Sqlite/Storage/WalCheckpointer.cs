using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Audiences.Sdk.Sqlite.Storage;

/// <summary>
/// Copies committed pages from the write-ahead log back into the database file on a background
/// thread, on a connection of its own, so the writer never does it inside a commit. SQLite's
/// automatic checkpoint would run it on the committing thread: about half of a large import's
/// commit time.
/// </summary>
/// <remarks>
/// Checkpoints are passive: they never wait for or block the writer or readers, and a commit is
/// durable once it is in the log, so a checkpoint that is cut short (or a process that dies during
/// one) loses nothing; SQLite resumes from the log. Once a checkpoint has caught up, the writer's
/// next transaction starts the log over, so it stays about as large as a few batches.
/// </remarks>
internal sealed class WalCheckpointer : IDisposable
{
    private const int Passive = 0;

    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private Task _running = Task.CompletedTask;
    private bool _requested;
    private bool _disposed;

    public WalCheckpointer(SqliteConnection connection) => _connection = connection;

    /// <summary>Asks for a checkpoint after a commit; returns at once.</summary>
    public void Request()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _requested = true;
            if (_running.IsCompleted)
            {
                _running = Task.Run(Run);
            }
        }
    }

    /// <summary>Waits for a running checkpoint, then closes the connection.</summary>
    public void Dispose()
    {
        Task running;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            running = _running;
        }

        // Run never throws; waiting only lets the file be closed with no checkpoint in flight.
        running.Wait();
        _connection.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            lock (_lock)
            {
                if (!_requested || _disposed)
                {
                    return;
                }

                _requested = false;
            }

            // A failed or busy checkpoint (another process's checkpoint, a full disk) is retried
            // after the next commit; the log keeps every commit until then.
            _ = raw.sqlite3_wal_checkpoint_v2(_connection.Handle, null, Passive, out _, out _);
        }
    }
}
