using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Sqlite.Tests.Specification;

/// <summary>
/// The stores the specification suites run against: in-memory SQLite stores (backed by a private
/// file deleted on dispose), and, for the restart checks, the same file opened again by a new store.
/// </summary>
internal static class SpecificationStores
{
    public static void Use(IAudiencesBuilder builder) => builder.UseSqlite("Data Source=:memory:");

    public static Action<IAudiencesBuilder> SameFile(StoreWorkspace workspace)
    {
        var path = workspace.Services.GetRequiredService<SqliteStore>().FilePath;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return builder => builder.UseSqlite(connectionString);
    }
}
