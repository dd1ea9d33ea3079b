using Audiences.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Specification;

/// <summary>
/// The stores the specification suites run against: in-memory SQLite stores (backed by a private
/// file deleted on dispose), and, for the restart checks, a second store opened on the same file.
/// </summary>
internal static class SpecificationStores
{
    public static IProfileStore Create(TimeProvider? clock = null) =>
        new SqliteProfileStore(new SqliteStoreOptions { ConnectionString = "Data Source=:memory:" }, clock);

    public static IProfileStore Reopen(IProfileStore store)
    {
        var path = ((SqliteProfileStore)store).FilePath;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return new SqliteProfileStore(new SqliteStoreOptions { ConnectionString = connectionString });
    }
}
