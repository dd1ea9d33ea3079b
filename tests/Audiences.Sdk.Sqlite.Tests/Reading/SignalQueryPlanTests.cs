using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Reading;

/// <summary>The reads of signal runs and checks search their indexes, never scan a table or sort.</summary>
public sealed class SignalQueryPlanTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Runs_ReadTheSignalsRunsNewestFirstFromItsIndex()
    {
        var plan = Plan(SignalQueries.RunsSql);

        plan.Should().ContainSingle().Which.Should().Contain("USING INDEX signal_runs_by_signal (signal_key=?)");
    }

    [Fact]
    public void Checks_SearchThePrimaryKeyByProfile()
    {
        var plan = Plan(SignalQueries.ChecksSql);

        plan.Should().Contain(d => d.Contains("signal_checks USING PRIMARY KEY (signal_key=? AND profile_id=?)", StringComparison.Ordinal));
        plan.Should().NotContain(d => d.Contains("SCAN signal_checks", StringComparison.Ordinal) || d.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();

    private List<string> Plan(string sql)
    {
        using var connection = new SqliteConnection(_directory.ConnectionString());
        connection.Open();
        SchemaMigrator.Apply(connection, SchemaMigrations.All, "plan.db");
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$key", "X");
        if (sql.Contains("$limit", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$limit", 10);
        }

        if (sql.Contains("$profiles", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$profiles", "[1,2]");
        }

        using var row = command.ExecuteReader();
        var details = new List<string>();
        while (row.Read())
        {
            details.Add(row.GetString(3));
        }

        return details;
    }
}
