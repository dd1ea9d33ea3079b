namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>The profile stores the import is measured on.</summary>
public enum StoreKind
{
    /// <summary>The in-memory store (<c>UseInMemory()</c>).</summary>
    InMemory,

    /// <summary>The SQLite store (<c>UseSqlite(...)</c>) on a file in the workspace.</summary>
    Sqlite,
}
