namespace Audiences.Sdk.Sqlite;

/// <summary>Settings of the SQLite store (<c>UseSqlite(...)</c>).</summary>
public sealed class SqliteStoreOptions
{
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
}
