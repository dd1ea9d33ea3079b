using Audiences.Sdk.InMemory;
using Audiences.Sdk.Sqlite;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>Creates and disposes the stores under measurement.</summary>
public static class StoreFactory
{
    /// <summary>Creates an empty store; a SQLite store gets a fresh database file at <paramref name="databasePath"/>.</summary>
    public static IProfileStore Create(StoreKind kind, string databasePath) => kind switch
    {
        StoreKind.InMemory => new InMemoryProfileStore(),
        StoreKind.Sqlite => CreateSqlite(databasePath),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown store kind."),
    };

    /// <summary>Disposes a store by whichever dispose pattern it implements.</summary>
    public static async ValueTask DisposeAsync(IProfileStore? store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private static SqliteProfileStore CreateSqlite(string databasePath)
    {
        Workspace.DeleteDatabase(databasePath);
        return new SqliteProfileStore(new SqliteStoreOptions { ConnectionString = $"Data Source={databasePath}" });
    }
}
