using System.Globalization;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Profiles;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Scale;

/// <summary>
/// A SQLite file standing in for a warehouse: the generated people in one table with an <c>updated_at</c> column, as a
/// loader keeps it, for the sync run to read.
/// </summary>
internal static class WarehouseTable
{
    public const string Query =
        "SELECT id, email, linkedin_url, first_name, last_name, title, company_domain, city, country, employee_count, updated_at FROM people";

    /// <summary>Creates the file with every person, stamped one second apart from <paramref name="stampedFrom"/>.</summary>
    public static void Create(string path, IReadOnlyList<SourceRecord> people, DateTimeOffset stampedFrom)
    {
        Workspace.DeleteDatabase(path);
        using var connection = Open(path);
        Execute(connection,
            "PRAGMA journal_mode = WAL; CREATE TABLE people (id TEXT PRIMARY KEY, email TEXT, linkedin_url TEXT, first_name TEXT, last_name TEXT, "
            + "title TEXT, company_domain TEXT, city TEXT, country TEXT, employee_count REAL, updated_at DATETIME NOT NULL)");
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO people VALUES ($id, $0, $1, $2, $3, $4, $5, $6, $7, $employees, $at)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var text = PersonFields.TextFields.Select((_, i) => insert.Parameters.Add("$" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
        var employees = insert.Parameters.Add("$employees", SqliteType.Real);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        insert.Prepare();
        for (var row = 0; row < people.Count; row++)
        {
            var person = people[row];
            id.Value = person.Key.ExternalId;
            for (var i = 0; i < text.Length; i++)
            {
                text[i].Value = person.Values[PersonFields.TextFields[i]].AsText();
            }

            employees.Value = person.Values[PersonFields.EmployeeCount].AsNumber();
            at.Value = Stamp(stampedFrom.AddSeconds(row));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Changes the title of every <paramref name="every"/>-th person and stamps the change; returns how many changed.</summary>
    public static long Touch(string path, int every, DateTimeOffset at)
    {
        using var connection = Open(path);
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE people SET title = title || ' (updated)', updated_at = $at WHERE CAST(id AS INTEGER) % $every = 0";
        update.Parameters.AddWithValue("$at", Stamp(at));
        update.Parameters.AddWithValue("$every", every);
        return update.ExecuteNonQuery();
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
