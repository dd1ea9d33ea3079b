using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Schema;
using Audiences.Sdk.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Reading;

/// <summary>The credit ledger's reads and its removal of expired reservations search their indexes, never scan a table or sort.</summary>
public sealed class CreditQueryPlanTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Spends_ReadTheBudgetsEntriesNewestFirstFromItsIndex()
    {
        Plan(CreditQueries.SpendsSql).Should().ContainSingle().Which.Should().Contain("USING INDEX credit_spends_by_budget (budget=?)");
    }

    [Fact]
    public void LiveReservations_ReadTheBudgetsRangeAfterNow()
    {
        Plan(CreditQueries.LiveReservationsSql).Should().ContainSingle().Which.Should().Contain("USING INDEX credit_reservations_by_budget (budget=? AND expires_at>?)");
    }

    [Fact]
    public void DropExpired_SearchesByExpiry()
    {
        Plan(CreditWrites.DropExpiredSql).Should().ContainSingle().Which.Should().Contain("credit_reservations_by_expiry (expires_at<?)");
    }

    public void Dispose() => _directory.Dispose();

    private List<string> Plan(string sql)
    {
        using var connection = new SqliteConnection(_directory.ConnectionString());
        connection.Open();
        SchemaMigrator.Apply(connection, SchemaMigrations.All, "plan.db");
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$budget", "$now", "$limit" })
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.AddWithValue(name, name == "$budget" ? "x" : 10);
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
