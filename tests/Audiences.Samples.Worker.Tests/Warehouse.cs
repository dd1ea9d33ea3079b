using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Audiences.Samples.Worker.Tests;

/// <summary>A SQLite warehouse with a <c>contacts</c> table (id, email, first_name, job_title, updated_at), as the worker's SQL syncs read it.</summary>
public sealed class Warehouse(string path)
{
    /// <summary>The warehouse's file.</summary>
    public string Path { get; } = path;

    /// <summary>The connection string a sync's <c>connection</c> setting gives; unpooled, so a dropped table is seen at once.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ConnectionString;

    /// <summary>Creates the table.</summary>
    public Task CreateAsync() => ExecuteAsync(
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT, first_name TEXT, job_title TEXT, updated_at DATETIME NOT NULL)");

    /// <summary>Inserts a contact, or replaces the one with its id, stamped as changed at <paramref name="changedAt"/>.</summary>
    public Task PutAsync(long id, string email, string firstName, string jobTitle, DateTimeOffset changedAt) => ExecuteAsync(
        "INSERT OR REPLACE INTO contacts VALUES ($id, $email, $first, $title, $stamp)",
        ("$id", id), ("$email", email), ("$first", firstName), ("$title", jobTitle),
        ("$stamp", changedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));

    /// <summary>Drops the table, so the next run fails.</summary>
    public Task DropAsync() => ExecuteAsync("DROP TABLE contacts");

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
