namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>The profile stores the import is measured on.</summary>
public enum StoreKind
{
    /// <summary><c>InMemoryProfileStore</c>.</summary>
    InMemory,

    /// <summary><c>SqliteProfileStore</c> on a file in the workspace.</summary>
    Sqlite,
}
