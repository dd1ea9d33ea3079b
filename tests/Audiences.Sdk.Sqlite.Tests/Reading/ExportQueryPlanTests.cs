using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Reading;

/// <summary>The reads of export runs, outcomes and failures search their indexes, never scan a table or sort.</summary>
public sealed class ExportQueryPlanTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Runs_ReadTheExportsRunsNewestFirstFromItsIndex()
    {
        var plan = Plan(ExportQueries.RunsSql);

        plan.Should().ContainSingle().Which.Should().Contain("USING INDEX export_runs_by_export (export_key=?)");
    }

    [Fact]
    public void Running_ReadsOnlyThePartialIndexOfRunningRuns()
    {
        var plan = Plan(ExportQueries.RunningSql);

        plan.Should().ContainSingle().Which.Should().Contain("USING COVERING INDEX export_runs_running (export_key=?)");
    }

    [Fact]
    public void Outcomes_ReadARunsPageInOrderFromItsIndex()
    {
        var plan = Plan(ExportQueries.OutcomesSql);

        plan.Should().ContainSingle().Which.Should().Contain("USING INDEX export_outcomes_by_run (export_key=? AND run_id=? AND id>?)");
    }

    [Fact]
    public void Failures_ReadTheExportsRangeOfThePrimaryKeyByProfile()
    {
        var plan = Plan(ExportQueries.FailuresSql);

        plan.Should().ContainSingle().Which.Should().Contain("export_failures USING PRIMARY KEY (export_key=?)");
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
        foreach (var name in new[] { "$limit", "$run", "$after" })
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, 10);
            }
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
