using Audiences.Sdk.Profiles;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>
/// The reference for the SQLite store: the same rows written to one plain table with one prepared
/// command in one transaction, in WAL mode, with no matching, no provenance and no indexes. It is
/// about the fastest way to get the rows into SQLite from .NET, so the store's figure is read as a
/// multiple of it.
/// </summary>
public static class RawSqliteInsert
{
    /// <summary>Creates the database at <paramref name="path"/> and inserts every row; returns the rows written.</summary>
    public static long Run(string path, IReadOnlyList<SourceRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        // The same journal and sync settings as the store, so the difference is the store's own work.
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        Execute(connection,
            "CREATE TABLE people (external_id TEXT NOT NULL, email TEXT, linkedin_url TEXT, first_name TEXT, last_name TEXT, " +
            "title TEXT, company_domain TEXT, city TEXT, country TEXT, employee_count REAL, signed_up_at INTEGER);");

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            "INSERT INTO people VALUES ($id, $email, $linkedin_url, $first_name, $last_name, $title, $company_domain, $city, $country, $employee_count, $signed_up_at);";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var text = PersonFields.TextFields.Select(f => insert.Parameters.Add("$" + f, SqliteType.Text)).ToArray();
        var employees = insert.Parameters.Add("$" + PersonFields.EmployeeCount, SqliteType.Real);
        var signedUp = insert.Parameters.Add("$" + PersonFields.SignedUpAt, SqliteType.Integer);
        insert.Prepare();

        long written = 0;
        foreach (var row in rows)
        {
            id.Value = row.Key.ExternalId;
            for (var i = 0; i < text.Length; i++)
            {
                text[i].Value = Value(row, PersonFields.TextFields[i]) is { IsEmpty: false } value ? value.AsText() : DBNull.Value;
            }

            employees.Value = Value(row, PersonFields.EmployeeCount) is { IsEmpty: false } count ? count.AsNumber() : DBNull.Value;
            signedUp.Value = Value(row, PersonFields.SignedUpAt) is { IsEmpty: false } at ? at.AsDateTime().UtcTicks : DBNull.Value;
            written += insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return written;
    }

    private static FieldValue Value(SourceRecord row, string field) => row.Values.GetValueOrDefault(field);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
