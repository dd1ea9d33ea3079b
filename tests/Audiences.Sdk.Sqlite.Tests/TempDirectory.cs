using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Opens a store on a database file in the directory, as <c>UseSqlite</c> configures it; the file is opened
    /// (and migrated) at once, so errors about it are raised here.
    /// </summary>
    public StoreWorkspace OpenStore(string name = "audiences.db", TimeSpan? busyTimeout = null, TimeProvider? clock = null, long? maxLogBytes = null)
    {
        var workspace = StoreWorkspace.Create(
            b => b.UseSqlite(o =>
            {
                o.ConnectionString = ConnectionString(name);
                o.BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30);
                o.MaxWriteAheadLogBytes = maxLogBytes ?? o.MaxWriteAheadLogBytes;
            }),
            clock);
        try
        {
            workspace.Services.GetRequiredService<SqliteStore>();
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

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
