using Audiences.Sdk.Credits;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// The writes of the credit ledger, each inside the transaction of one <see cref="SqliteStore.Write{T}"/>. That
/// transaction holds the write lock from its first statement (<c>BEGIN IMMEDIATE</c>), so no other write, of this
/// process or another, comes between a reservation's check against the cap and its insert.
/// </summary>
internal static class CreditWrites
{
    /// <summary>Removes the reservations expired at <c>$now</c>, of every budget.</summary>
    public const string DropExpiredSql = "DELETE FROM credit_reservations WHERE expires_at <= $now";

    /// <summary>Sets a budget's cap (null for none), keeping what it spent.</summary>
    public static void SetCap(SqliteConnection connection, SqliteTransaction transaction, string budget, decimal? cap)
    {
        using var command = Command(connection, transaction,
            "INSERT INTO credit_budgets (name, cap, spent) VALUES ($budget, $cap, $zero) ON CONFLICT (name) DO UPDATE SET cap = excluded.cap");
        command.Parameters.AddWithValue("$budget", budget);
        command.Parameters.AddWithValue("$cap", cap is { } value ? CreditAmountCodec.Encode(value) : DBNull.Value);
        command.Parameters.AddWithValue("$zero", CreditAmountCodec.Encode(0m));
        command.ExecuteNonQuery();
    }

    /// <summary>Drops reservations expired at <paramref name="now"/>, then reserves the credits if the budget can take them.</summary>
    /// <returns>The reservation with its id, or null.</returns>
    public static CreditReservation? TryReserve(
        SqliteConnection connection, SqliteTransaction transaction, string budget, decimal credits, DateTimeOffset now, DateTimeOffset expiresAt, string? reference, bool check = true)
    {
        using (var expired = Command(connection, transaction, DropExpiredSql))
        {
            expired.Parameters.AddWithValue("$now", now.UtcTicks);
            expired.ExecuteNonQuery();
        }

        var standing = CreditQueries.Budget(connection, transaction, budget, now);
        if (check && standing.Cap is { } cap && standing.Spent + standing.Reserved + credits > cap)
        {
            return null;
        }

        using var insert = Command(connection, transaction,
            "INSERT INTO credit_reservations (budget, credits, expires_at, reference) VALUES ($budget, $credits, $expires_at, $reference) RETURNING id");
        insert.Parameters.AddWithValue("$budget", budget);
        insert.Parameters.AddWithValue("$credits", CreditAmountCodec.Encode(credits));
        insert.Parameters.AddWithValue("$expires_at", expiresAt.UtcTicks);
        insert.Parameters.AddWithValue("$reference", (object?)reference ?? DBNull.Value);
        return new CreditReservation((long)insert.ExecuteScalar()!, budget, credits, expiresAt, reference);
    }

    /// <summary>
    /// Ends a reservation live at <paramref name="now"/> and records what it spent (an entry only for a positive spend).
    /// </summary>
    /// <returns>The stored reservation, or null when it expired or was ended already (nothing is written then).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spent"/> is more than the stored reservation holds.</exception>
    public static CreditReservation? Settle(SqliteConnection connection, SqliteTransaction transaction, long id, decimal spent, DateTimeOffset now)
    {
        var held = CreditQueries.Reservation(connection, transaction, id);
        if (held is null || held.ExpiresAt <= now)
        {
            return null;
        }

        // The stored reservation is what counts: a caller's copy changed with `with` holds nothing more.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spent, held.Credits);
        Release(connection, transaction, id);
        if (spent > 0)
        {
            AddSpend(connection, transaction, held, spent, now);
        }

        return held;
    }

    /// <summary>Deletes a reservation, if it is still there.</summary>
    public static void Release(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, "DELETE FROM credit_reservations WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    private static void AddSpend(SqliteConnection connection, SqliteTransaction transaction, CreditReservation held, decimal spent, DateTimeOffset now)
    {
        var total = CreditQueries.CapAndSpent(connection, transaction, held.Budget).Spent + spent;
        using (var budget = Command(connection, transaction,
            "INSERT INTO credit_budgets (name, cap, spent) VALUES ($budget, NULL, $spent) ON CONFLICT (name) DO UPDATE SET spent = excluded.spent"))
        {
            budget.Parameters.AddWithValue("$budget", held.Budget);
            budget.Parameters.AddWithValue("$spent", CreditAmountCodec.Encode(total));
            budget.ExecuteNonQuery();
        }

        using var entry = Command(connection, transaction,
            "INSERT INTO credit_spends (budget, credits, at, reference) VALUES ($budget, $credits, $at, $reference)");
        entry.Parameters.AddWithValue("$budget", held.Budget);
        entry.Parameters.AddWithValue("$credits", CreditAmountCodec.Encode(spent));
        entry.Parameters.AddWithValue("$at", now.UtcTicks);
        entry.Parameters.AddWithValue("$reference", (object?)held.Reference ?? DBNull.Value);
        entry.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
