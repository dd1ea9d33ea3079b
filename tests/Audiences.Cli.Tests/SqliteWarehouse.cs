using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Audiences.Cli.Tests;

/// <summary>
/// A SQLite file standing in for a warehouse: a <c>people</c> table (id, email, name, plan, updated_at) and a
/// <c>companies</c> table (id, domain, name, updated_at). Rows start stamped days ago, so a read's overlap
/// window never takes them again; a change is stamped now, as a product would stamp it.
/// </summary>
public sealed class SqliteWarehouse
{
    public const string PeopleQuery = "SELECT id, email, name, plan, updated_at FROM people";
    public const string CompaniesQuery = "SELECT id, domain, name, updated_at FROM companies";

    public SqliteWarehouse(string folder, string fileName = "warehouse.db")
    {
        Path = System.IO.Path.Combine(folder, fileName);
        Execute(
            "CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT, name TEXT, plan TEXT, updated_at DATETIME NOT NULL);"
            + "CREATE TABLE companies (id INTEGER PRIMARY KEY, domain TEXT, name TEXT, updated_at DATETIME NOT NULL);");
    }

    public string Path { get; }

    public string Connection => $"Data Source={Path}";

    /// <summary>Adds people 1..count (person{i}@example.com), stamped days ago.</summary>
    public SqliteWarehouse WithPeople(int count, int firstId = 1)
    {
        for (var id = firstId; id < firstId + count; id++)
        {
            Execute(
                "INSERT INTO people VALUES ($id, $email, $name, 'free', $at)",
                ("$id", id), ("$email", $"person{id}@example.com"), ("$name", $"Person {id}"), ("$at", Stamp(DateTimeOffset.UtcNow.AddDays(-10).AddMinutes(id))));
        }

        return this;
    }

    /// <summary>Adds companies 1..count (company{i}.example), stamped days ago.</summary>
    public SqliteWarehouse WithCompanies(int count)
    {
        for (var id = 1; id <= count; id++)
        {
            Execute(
                "INSERT INTO companies VALUES ($id, $domain, $name, $at)",
                ("$id", id), ("$domain", $"company{id}.example"), ("$name", $"Company {id}"), ("$at", Stamp(DateTimeOffset.UtcNow.AddDays(-10).AddMinutes(id))));
        }

        return this;
    }

    /// <summary>Moves a person to another plan, stamped now.</summary>
    public void ChangePlan(int id, string plan) =>
        Execute("UPDATE people SET plan = $plan, updated_at = $at WHERE id = $id", ("$id", id), ("$plan", plan), ("$at", Stamp(DateTimeOffset.UtcNow)));

    public void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
