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
/// Background checkpoints are passive: they never wait for or block the writer or readers, and a
/// commit is durable once it is in the log, so a checkpoint that is cut short (or a process that
/// dies during one) loses nothing; SQLite resumes from the log. Once a checkpoint has caught up, the
/// writer's next transaction starts the log over. A writer that commits faster than the background
/// checkpoint copies never lets it catch up, though, and the log then grows without end (gigabytes
/// over a large import). So the log is bounded: once a commit leaves it past half the bound, the
/// writer itself checkpoints before its next session (<see cref="AfterCommit"/>), and past three
/// quarters it also waits for readers of older snapshots so the log can start over.
/// </remarks>
internal sealed class WalCheckpointer : IDisposable
{
    private const int Passive = 0;
    private const int Restart = 2;

    private readonly SqliteConnection _connection;
    private readonly string _logFile;
    private readonly long _threshold;
    private readonly long _hardThreshold;
    private readonly Lock _lock = new();
    private Task _running = Task.CompletedTask;
    private bool _requested;
    private bool _disposed;

    /// <param name="connection">The checkpointer's own connection.</param>
    /// <param name="logFile">The write-ahead log's file.</param>
    /// <param name="maxLogBytes">How large the log may grow.</param>
    public WalCheckpointer(SqliteConnection connection, string logFile, long maxLogBytes)
    {
        _connection = connection;
        _logFile = logFile;
        _threshold = ThresholdOf(maxLogBytes);
        _hardThreshold = maxLogBytes / 4 * 3;
    }

    /// <summary>
    /// The log size past which the writer checkpoints after a commit: half the bound, so the next
    /// session's frames fit under it.
    /// </summary>
    public static long ThresholdOf(long maxLogBytes) => maxLogBytes / 2;

    /// <summary>
    /// Called by the writer after each commit, outside any transaction: asks for a background
    /// checkpoint, or runs one on <paramref name="writer"/> when the log has grown past the threshold.
    /// </summary>
    public void AfterCommit(SqliteConnection writer)
    {
        var size = LogSize();
        if (size < _threshold)
        {
            Request();
            return;
        }

        // Only one checkpoint runs at a time: let the background one finish first.
        Task running;
        lock (_lock)
        {
            running = _running;
        }

        running.Wait();

        // The writer holds the gate, so no frame is added meanwhile: a passive checkpoint copies the
        // whole log unless a reader still reads an older snapshot. When it could not, and the log is
        // near its bound, wait (the writer's busy timeout) for those readers so the log starts over.
        // A checkpoint that fails is retried after the next commit; the log keeps every commit.
        var rc = raw.sqlite3_wal_checkpoint_v2(writer.Handle, null, Passive, out var logFrames, out var copiedFrames);
        if ((rc != raw.SQLITE_OK || copiedFrames < logFrames) && size >= _hardThreshold)
        {
            _ = raw.sqlite3_wal_checkpoint_v2(writer.Handle, null, Restart, out _, out _);
        }
    }

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

    private long LogSize()
    {
        try
        {
            var file = new FileInfo(_logFile);
            return file.Exists ? file.Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
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
