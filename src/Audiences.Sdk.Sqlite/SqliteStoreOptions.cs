namespace Audiences.Sdk.Sqlite;

/// <summary>Settings of the SQLite store (<c>UseSqlite(...)</c>).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The smallest write-ahead log bound allowed: 1 MiB.</summary>
    public const long MinWriteAheadLogBytes = 1L << 20;

    /// <summary>The longest busy timeout allowed.</summary>
    public static readonly TimeSpan MaxBusyTimeout = TimeSpan.FromHours(1);

    /// <summary>
    /// The SQLite connection string, e.g. <c>Data Source=audiences.db</c> for a file (created when
    /// missing) or <c>Data Source=:memory:</c> for a private store that lives as long as the store object.
    /// Required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a write waits for another process that holds the database's write lock before it
    /// fails. Default 30 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How large the write-ahead log (the <c>-wal</c> file beside the database) may grow while the store
    /// writes. Once a commit leaves it past half this size, the writer copies the log into the database
    /// before the next session begins (waiting for readers of older snapshots only when it is past three
    /// quarters), so the log stays under it unless a single write session is larger. Default 256 MiB;
    /// at least <see cref="MinWriteAheadLogBytes"/>.
    /// </summary>
    public long MaxWriteAheadLogBytes { get; set; } = 256L << 20;
}
