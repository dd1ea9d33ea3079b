using Audiences.Sdk.Credits;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Reads of the credit ledger, on a reader's snapshot or inside a write's transaction.</summary>
internal static class CreditQueries
{
    /// <summary>A budget's spend entries, newest first.</summary>
    public const string SpendsSql = "SELECT credits, at, reference FROM credit_spends WHERE budget = $budget ORDER BY id DESC LIMIT $limit";

    /// <summary>The credits of a budget's reservations live at <c>$now</c>.</summary>
    public const string LiveReservationsSql = "SELECT credits FROM credit_reservations WHERE budget = $budget AND expires_at > $now";

    /// <summary>A budget as it stands at <paramref name="now"/>; one never used has no cap and nothing spent or reserved.</summary>
    public static CreditBudget Budget(SqliteConnection connection, SqliteTransaction transaction, string budget, DateTimeOffset now)
    {
        var (cap, spent) = CapAndSpent(connection, transaction, budget);
        return new CreditBudget(budget, cap, spent, Reserved(connection, transaction, budget, now));
    }

    /// <summary>A budget's cap (null for none) and what it has spent; no cap and 0 for a budget never used.</summary>
    public static (decimal? Cap, decimal Spent) CapAndSpent(SqliteConnection connection, SqliteTransaction transaction, string budget)
    {
        using var command = Command(connection, transaction, "SELECT cap, spent FROM credit_budgets WHERE name = $budget");
        command.Parameters.AddWithValue("$budget", budget);
        using var row = command.ExecuteReader();
        return row.Read()
            ? (row.IsDBNull(0) ? null : CreditAmountCodec.Decode(row.GetString(0)), CreditAmountCodec.Decode(row.GetString(1)))
            : (null, 0m);
    }

    /// <summary>A reservation not yet ended (it may have expired), or null.</summary>
    public static CreditReservation? Reservation(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, "SELECT budget, credits, expires_at, reference FROM credit_reservations WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var row = command.ExecuteReader();
        return row.Read()
            ? new CreditReservation(id, row.GetString(0), CreditAmountCodec.Decode(row.GetString(1)), Time(row.GetInt64(2)), row.IsDBNull(3) ? null : row.GetString(3))
            : null;
    }

    /// <summary>A budget's spend entries, newest first, up to <paramref name="limit"/>.</summary>
    public static List<CreditSpend> Spends(SqliteConnection connection, SqliteTransaction transaction, string budget, int limit)
    {
        using var command = Command(connection, transaction, SpendsSql);
        command.Parameters.AddWithValue("$budget", budget);
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var spends = new List<CreditSpend>();
        while (row.Read())
        {
            spends.Add(new CreditSpend(budget, CreditAmountCodec.Decode(row.GetString(0)), Time(row.GetInt64(1)), row.IsDBNull(2) ? null : row.GetString(2)));
        }

        return spends;
    }

    // Added up here rather than with SUM, which would read the TEXT amounts as REAL and round them.
    private static decimal Reserved(SqliteConnection connection, SqliteTransaction transaction, string budget, DateTimeOffset now)
    {
        using var command = Command(connection, transaction, LiveReservationsSql);
        command.Parameters.AddWithValue("$budget", budget);
        command.Parameters.AddWithValue("$now", now.UtcTicks);
        using var row = command.ExecuteReader();
        var reserved = 0m;
        while (row.Read())
        {
            reserved += CreditAmountCodec.Decode(row.GetString(0));
        }

        return reserved;
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
