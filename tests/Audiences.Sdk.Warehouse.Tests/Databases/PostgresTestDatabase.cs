using System.Data.Common;
using Npgsql;

namespace Audiences.Sdk.Warehouse.Tests.Databases;

/// <summary>
/// A table on the PostgreSQL server named by <c>AUDIENCES_TEST_POSTGRES</c>, dropped afterwards. Without the
/// variable the test fails and says how to start a server: these tests are not skipped.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string Variable = "AUDIENCES_TEST_POSTGRES";

    public PostgresTestDatabase()
    {
        ConnectionString = Configured();
    }

    public override DbProviderFactory Factory => NpgsqlFactory.Instance;

    public override string ConnectionString { get; }

    protected override (string Id, string Score, string Active, string Timestamp) PeopleTypes => ("bigint", "double precision", "boolean", "timestamptz");

    public override object Timestamp(DateTimeOffset at) => at.UtcDateTime;

    /// <summary>The connection string of the test server.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set; the message says how to start a server.</exception>
    public static string Configured() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {Variable} to its connection string, e.g. " +
                $"'Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres'. From the repository root, " +
                "eval \"$(.ci/postgres start)\" starts a throwaway one on loopback and sets the variable (.ci/postgres stop ends it).");

    public override async ValueTask DisposeAsync()
    {
        await ExecuteAsync($"DROP TABLE IF EXISTS {Table}");
    }
}
