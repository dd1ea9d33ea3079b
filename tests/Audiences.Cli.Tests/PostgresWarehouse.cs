using Npgsql;

namespace Audiences.Cli.Tests;

/// <summary>
/// A <c>people</c> table of its own on the PostgreSQL server named by <c>AUDIENCES_TEST_POSTGRES</c>, dropped afterwards.
/// Without the variable the test fails and says how to start a server: these tests are not skipped.
/// </summary>
public sealed class PostgresWarehouse : IAsyncDisposable
{
    public const string Variable = "AUDIENCES_TEST_POSTGRES";

    private PostgresWarehouse(string connection, string table)
    {
        Connection = connection;
        Table = table;
    }

    /// <summary>The server's connection string, as the tests were given it.</summary>
    public string Connection { get; }

    public string Table { get; }

    public string Query => $"SELECT id, email, name, plan, updated_at FROM {Table}";

    /// <exception cref="InvalidOperationException">The variable is not set; the message says how to start a server.</exception>
    public static async Task<PostgresWarehouse> CreateAsync(int people)
    {
        var connection = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {Variable} to its connection string, e.g. "
                + "'Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres'. From the repository root, "
                + "eval \"$(.ci/postgres start)\" starts a throwaway one on loopback and sets the variable (.ci/postgres stop ends it).");
        var warehouse = new PostgresWarehouse(connection, $"cli_people_{Guid.NewGuid():N}");
        await warehouse.ExecuteAsync($"CREATE TABLE {warehouse.Table} (id bigint PRIMARY KEY, email text, name text, plan text, updated_at timestamptz NOT NULL)");
        for (var id = 1; id <= people; id++)
        {
            await warehouse.ExecuteAsync(
                $"INSERT INTO {warehouse.Table} VALUES ({id}, 'pg{id}@example.com', 'Person {id}', 'free', now() - interval '10 days' + {id} * interval '1 minute')");
        }

        return warehouse;
    }

    public Task ChangePlanAsync(int id, string plan) => ExecuteAsync($"UPDATE {Table} SET plan = '{plan}', updated_at = now() WHERE id = {id}");

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP TABLE IF EXISTS {Table}");
}
