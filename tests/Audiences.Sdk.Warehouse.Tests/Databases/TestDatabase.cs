using System.Data.Common;

namespace Audiences.Sdk.Warehouse.Tests.Databases;

/// <summary>
/// A database the tests read from, with a table of their own: a <c>people</c> table (id, name, score, active,
/// updated_at) whose name is unique to the test, so tests on one server never see each other's rows.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DbProviderFactory Factory { get; }

    public abstract string ConnectionString { get; }

    /// <summary>The test's table.</summary>
    public string Table { get; } = "people_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The column types of the people table: id, score, active, updated_at.</summary>
    protected abstract (string Id, string Score, string Active, string Timestamp) PeopleTypes { get; }

    /// <summary>A timestamp as the table's updated_at column holds it.</summary>
    public abstract object Timestamp(DateTimeOffset at);

    /// <summary>A query of the whole people table.</summary>
    public string People => $"SELECT * FROM {Table}";

    public Task CreatePeopleAsync()
    {
        var (id, score, active, timestamp) = PeopleTypes;
        return ExecuteAsync($"CREATE TABLE {Table} (id {id}, name TEXT, score {score}, active {active}, updated_at {timestamp})");
    }

    public Task InsertAsync(long? id, string name, DateTimeOffset? updatedAt, double score = 1, bool active = true) =>
        ExecuteAsync(
            $"INSERT INTO {Table} (id, name, score, active, updated_at) VALUES (@p0, @p1, @p2, @p3, @p4)",
            id, name, score, active, updatedAt is { } at ? Timestamp(at) : null);

    public Task UpdateAsync(long id, string name, DateTimeOffset updatedAt) =>
        ExecuteAsync($"UPDATE {Table} SET name = @p0, updated_at = @p1 WHERE id = @p2", name, Timestamp(updatedAt), id);

    public Task DeleteAsync(long id) => ExecuteAsync($"DELETE FROM {Table} WHERE id = @p0", id);

    /// <summary>Runs a statement with positional values bound to @p0, @p1, ...</summary>
    public async Task ExecuteAsync(string sql, params object?[] values)
    {
        await using var connection = Factory.CreateConnection()!;
        connection.ConnectionString = ConnectionString;
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "p" + i;
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A source over <paramref name="query"/> (the people table by default), capped by <paramref name="clock"/>.</summary>
    public SqlQuerySource Source(TimeProvider clock, string? query = null, TimeSpan? overlap = null) =>
        new(new SqlQuerySourceOptions(Factory, ConnectionString, query ?? People) { Overlap = overlap ?? TimeSpan.FromMinutes(5) }, clock);

    public abstract ValueTask DisposeAsync();
}
