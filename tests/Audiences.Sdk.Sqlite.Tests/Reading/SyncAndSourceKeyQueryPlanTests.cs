using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Reading;

/// <summary>The reads of the source-record index and of sync runs search their indexes, never scan a table or sort.</summary>
public sealed class SyncAndSourceKeyQueryPlanTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(ExternalIdQueries.FirstPageSql)]
    [InlineData(ExternalIdQueries.NextPageSql)]
    public void ExternalIdPages_ReadTheKeyIndexAlone(string sql)
    {
        Plan(sql).Should().ContainSingle().Which.Should().Contain("USING COVERING INDEX source_records_by_key (source=? AND object=?");
    }

    [Fact]
    public void Runs_ReadTheSyncsRunsNewestFirstFromItsIndex()
    {
        Plan(SyncQueries.RunsSql).Should().ContainSingle().Which.Should().Contain("USING INDEX sync_runs_by_sync (sync_key=?)");
    }

    [Fact]
    public void Running_ReadsThePartialIndexOfRunningRuns()
    {
        Plan(SyncQueries.RunningSql).Should().ContainSingle().Which.Should().Contain("USING INDEX sync_runs_running (sync_key=?)");
    }

    public void Dispose() => _directory.Dispose();

    private List<string> Plan(string sql)
    {
        using var connection = new SqliteConnection(_directory.ConnectionString());
        connection.Open();
        SchemaMigrator.Apply(connection, SchemaMigrations.All, "plan.db");
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$source", "$object", "$after", "$limit", "$key", "$mode" })
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, name == "$limit" ? 10 : "x");
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
