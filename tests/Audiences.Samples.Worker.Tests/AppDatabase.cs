using Microsoft.Data.Sqlite;

namespace Audiences.Samples.Worker.Tests;

/// <summary>
/// A SQLite application database with a <c>users</c> table keyed by email, as an export's SQL table destination writes
/// it; a title longer than <see cref="MaxTitle"/> characters breaks a check, so the database refuses that row alone.
/// </summary>
public sealed class AppDatabase(string path)
{
    /// <summary>The longest title the table takes.</summary>
    public const int MaxTitle = 12;

    /// <summary>The connection string an export's <c>connection</c> setting gives; unpooled, so a dropped table is seen at once.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;

    /// <summary>Creates the table.</summary>
    public Task CreateAsync() => ExecuteAsync($"CREATE TABLE users (email TEXT PRIMARY KEY, first_name TEXT, title TEXT CHECK (length(title) <= {MaxTitle}))");

    /// <summary>Drops the table, so the next run of an export to it fails as a whole.</summary>
    public Task DropAsync() => ExecuteAsync("DROP TABLE users");

    /// <summary>The rows, by email: first name and title.</summary>
    public async Task<IReadOnlyDictionary<string, (string? FirstName, string? Title)>> ReadAsync()
    {
        var rows = new Dictionary<string, (string?, string?)>();
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT email, first_name, title FROM users";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
