using System.Text;
using Audiences.Sdk.Benchmarks.Workload;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The reference of the store's filtered count: a hand-designed SQLite table with one typed column per field and
/// one row per person — the workload's rows with the repeats merged the way the store merges them (rows sharing an
/// email are one person; the later row's values win, as survivorship gives them when every value is filled) — in
/// the order the store creates the profiles. Text columns are <c>COLLATE NOCASE</c>, as filter comparisons ignore
/// case. Indexes: one on each filtered column a B-tree can serve (<c>country</c>, <c>employee_count</c>; a
/// <c>contains</c> cannot use one), then <c>ANALYZE</c>, so SQLite picks its plan with statistics.
/// </summary>
internal sealed class WideTableReference : IDisposable
{
    /// <summary>The indexes the reference table has, as the report names them.</summary>
    public const string Indexes = "people(country), people(employee_count), ANALYZE";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _count;
    private readonly SqliteCommand _scan;

    private WideTableReference(SqliteConnection connection, long rows)
    {
        _connection = connection;
        Rows = rows;
        _count = Command(BulkFilter.WideTableSql);
        _scan = Command(BulkFilter.WideTableScanSql);
        Plan = QueryPlan(BulkFilter.WideTableSql);
    }

    /// <summary>People in the table.</summary>
    public long Rows { get; }

    /// <summary>SQLite's plan for the count (<c>EXPLAIN QUERY PLAN</c>).</summary>
    public string Plan { get; }

    /// <summary>
    /// Builds the table at <paramref name="path"/> from the <c>sqlite3 .import</c> of the workload
    /// (<paramref name="importedPath"/>, table <see cref="SqliteCliReference.Table"/>, rows in file order).
    /// </summary>
    public static WideTableReference Build(string path, string importedPath)
    {
        Workspace.DeleteDatabase(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL");
            using (var attach = connection.CreateCommand())
            {
                attach.CommandText = "ATTACH DATABASE $path AS imported";
                attach.Parameters.AddWithValue("$path", importedPath);
                attach.ExecuteNonQuery();
            }

            var text = PersonFields.TextFields.Select(f => $"{f} TEXT COLLATE NOCASE");
            Execute(connection, $"CREATE TABLE people (id INTEGER PRIMARY KEY, {string.Join(", ", text)}, {PersonFields.EmployeeCount} INTEGER, {PersonFields.SignedUpAt} TEXT)");
            var columns = string.Join(", ", PersonFields.All);
            var values = string.Join(", ", PersonFields.All.Select(f => f == PersonFields.EmployeeCount ? $"CAST(p.{f} AS INTEGER)" : $"p.{f}"));
            Execute(connection, $"""
                INSERT INTO people ({columns})
                SELECT {values}
                FROM (SELECT min(rowid) AS first, max(rowid) AS last FROM imported.{SqliteCliReference.Table} GROUP BY lower({PersonFields.Email})) AS person
                JOIN imported.{SqliteCliReference.Table} AS p ON p.rowid = person.last
                ORDER BY person.first
                """);
            Execute(connection, "DETACH DATABASE imported");
            Execute(connection, $"CREATE INDEX people_country ON people ({PersonFields.Country}); CREATE INDEX people_employee_count ON people ({PersonFields.EmployeeCount}); ANALYZE;");
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            long rows;
            using (var count = connection.CreateCommand())
            {
                count.CommandText = "SELECT count(*) FROM people";
                rows = (long)count.ExecuteScalar()!;
            }

            return new WideTableReference(connection, rows);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The filtered count, with the plan SQLite picks.</summary>
    public long Count() => (long)_count.ExecuteScalar()!;

    /// <summary>The filtered count forced to scan the table.</summary>
    public long Scan() => (long)_scan.ExecuteScalar()!;

    /// <summary>Reads every row: the ten values, text and typed as the table holds them.</summary>
    public IEnumerable<(string[] Text, long EmployeeCount, string SignedUpAt)> ReadAll()
    {
        using var read = _connection.CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", PersonFields.All)} FROM people ORDER BY id";
        using var reader = read.ExecuteReader();
        var textCount = PersonFields.TextFields.Count;
        while (reader.Read())
        {
            var text = new string[textCount];
            for (var i = 0; i < textCount; i++)
            {
                text[i] = reader.GetString(i);
            }

            yield return (text, reader.GetInt64(textCount), reader.GetString(textCount + 1));
        }
    }

    public void Dispose()
    {
        _count.Dispose();
        _scan.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Prepare();
        return command;
    }

    private string QueryPlan(string sql)
    {
        using var explain = _connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = explain.ExecuteReader();
        var plan = new StringBuilder();
        while (reader.Read())
        {
            plan.Append(plan.Length == 0 ? string.Empty : "; ").Append(reader.GetString(3));
        }

        return plan.ToString();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
