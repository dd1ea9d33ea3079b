using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Storage;

/// <summary>
/// Where the store's database lives and how its connections are opened: one long-lived writer
/// connection tuned for bulk writes, and pooled reader connections that read committed snapshots (WAL).
/// </summary>
/// <remarks>
/// An in-memory store is backed by a private temporary file that is deleted on dispose: SQLite's
/// in-memory databases cannot give readers a committed snapshot while a writer session is open,
/// and WAL on a file can, so both kinds of store behave the same.
/// </remarks>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private readonly string? _temporaryFile;

    private SqliteDatabase(string path, string? temporaryFile, SqliteConnectionStringBuilder builder, SqliteStoreOptions options)
    {
        FilePath = path;
        _temporaryFile = temporaryFile;
        BusyTimeout = options.BusyTimeout;
        MaxLogBytes = options.MaxWriteAheadLogBytes;
        var busyTimeout = options.BusyTimeout;
        builder.DataSource = path;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds);
        _writerConnectionString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadWrite;
        _readerConnectionString = builder.ToString();
    }

    /// <summary>The database file, as named in messages.</summary>
    public string FilePath { get; }

    /// <summary>How long a write waits for another writer.</summary>
    public TimeSpan BusyTimeout { get; }

    /// <summary>How large the write-ahead log may grow (see <see cref="SqliteStoreOptions.MaxWriteAheadLogBytes"/>).</summary>
    public long MaxLogBytes { get; }

    /// <summary>The write-ahead log's file.</summary>
    public string LogFilePath => FilePath + "-wal";

    /// <summary>Whether the store is a private in-memory one (durability does not matter).</summary>
    public bool IsTemporary => _temporaryFile is not null;

    public static SqliteDatabase Create(SqliteStoreOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory
            || string.Equals(builder.DataSource, ":memory:", StringComparison.OrdinalIgnoreCase);
        if (!inMemory)
        {
            return new SqliteDatabase(Path.GetFullPath(builder.DataSource), null, builder, options);
        }

        var file = Path.Combine(Path.GetTempPath(), $"audiences-{Guid.NewGuid():N}.db");
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        return new SqliteDatabase(file, file, builder, options);
    }

    /// <summary>Opens the writer connection with the pragmas bulk writes need.</summary>
    public SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_writerConnectionString);
        try
        {
            connection.Open();
            var busyMilliseconds = ((long)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            var synchronous = IsTemporary ? "OFF" : "NORMAL";

            // WAL lets readers see the last commit while the writer works; NORMAL sync is durable
            // across application crashes and loses at most the last commit on power loss.
            // Checkpoints run in the background (WalCheckpointer), not inside this connection's
            // commits; the WAL file is cut back to at most 64 MB (or the checkpoint threshold, when
            // smaller) each time it starts over.
            // The busy timeout goes to SQLite itself so writers of other processes queue finely.
            // Pragma values cannot be parameters; these come from constants and a number.
            Execute(connection, $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = {synchronous};
                PRAGMA cache_size = -200000;
                PRAGMA temp_store = MEMORY;
                PRAGMA wal_autocheckpoint = 0;
                PRAGMA journal_size_limit = {Math.Min(64L << 20, WalCheckpointer.ThresholdOf(MaxLogBytes)).ToString(CultureInfo.InvariantCulture)};
                PRAGMA busy_timeout = {busyMilliseconds};
                """);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens the connection that checkpoints the write-ahead log in the background.</summary>
    public WalCheckpointer OpenCheckpointer() => new(OpenReader(), LogFilePath, MaxLogBytes);

    /// <summary>Opens a pooled connection for reading.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readerConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Closes pooled connections and deletes the file of an in-memory store.</summary>
    public void Dispose()
    {
        using (var reader = new SqliteConnection(_readerConnectionString))
        {
            SqliteConnection.ClearPool(reader);
        }

        using (var writer = new SqliteConnection(_writerConnectionString))
        {
            SqliteConnection.ClearPool(writer);
        }

        if (_temporaryFile is not null)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                TryDelete(_temporaryFile + suffix);
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless; the store itself is already closed.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
