using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests;

/// <summary>A directory for one test's database files, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "audiences-sqlite-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The path of a file in the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A connection string for a database file in the directory.</summary>
    public string ConnectionString(string name = "audiences.db") => new SqliteConnectionStringBuilder { DataSource = File(name) }.ToString();

    /// <summary>Opens a store on a database file in the directory.</summary>
    public SqliteProfileStore OpenStore(string name = "audiences.db", TimeSpan? busyTimeout = null) =>
        new(new SqliteStoreOptions { ConnectionString = ConnectionString(name), BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30) });

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere is left to the temp folder's cleanup.
        }
    }
}
