using Audiences.Sdk.Sources;
using Audiences.Sdk.Sqlite.Serialization;
using Audiences.Sdk.Sync;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Reads of sync definitions, cursors and runs, on a reader's snapshot or inside a write's transaction.</summary>
internal static class SyncQueries
{
    /// <summary>The columns <see cref="ReadRun"/> expects, in order.</summary>
    public const string RunColumns =
        "id, sync, mode, triggered_by, started_at, status, finished_at, read, created, updated, unchanged, merged, rejected, related, deleted, "
        + "queued, errors, failure, cursor_before, cursor_after";

    /// <summary>A sync's runs, newest first, optionally of one mode (<c>$mode</c> null for all).</summary>
    public const string RunsSql =
        $"SELECT {RunColumns} FROM sync_runs WHERE sync_key = $key AND ($mode IS NULL OR mode = $mode) ORDER BY id DESC LIMIT $limit";

    /// <summary>The runs of a sync still marked running; <c>status = 1</c> is spelled out so that SQLite uses the partial index <c>sync_runs_running</c>.</summary>
    public const string RunningSql = $"SELECT {RunColumns} FROM sync_runs WHERE sync_key = $key AND status = 1";

    /// <summary>The key of a sync name: names are unique, and found, regardless of case.</summary>
    public static string Key(string name) => name.ToUpperInvariant();

    /// <summary>A sync's cursor, or null.</summary>
    public static string? Cursor(SqliteConnection connection, SqliteTransaction transaction, string sync)
    {
        using var command = Command(connection, transaction, "SELECT cursor FROM sync_cursors WHERE sync_key = $key");
        command.Parameters.AddWithValue("$key", Key(sync));
        return command.ExecuteScalar() as string;
    }

    /// <summary>A sync's runs, newest first, up to <paramref name="limit"/>, optionally of one mode.</summary>
    public static List<SyncRun> Runs(SqliteConnection connection, SqliteTransaction transaction, string sync, int limit, SourceReadMode? mode)
    {
        using var command = Command(connection, transaction, RunsSql);
        command.Parameters.AddWithValue("$key", Key(sync));
        command.Parameters.AddWithValue("$mode", mode is { } value ? (long)value : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var runs = new List<SyncRun>();
        while (row.Read())
        {
            runs.Add(ReadRun(row));
        }

        return runs;
    }

    /// <summary>The runs of a sync still marked running.</summary>
    public static List<SyncRun> Running(SqliteConnection connection, SqliteTransaction transaction, string sync)
    {
        using var command = Command(connection, transaction, RunningSql);
        command.Parameters.AddWithValue("$key", Key(sync));
        using var row = command.ExecuteReader();
        var runs = new List<SyncRun>();
        while (row.Read())
        {
            runs.Add(ReadRun(row));
        }

        return runs;
    }

    /// <summary>Reads a run whose <see cref="RunColumns"/> start at the first column.</summary>
    public static SyncRun ReadRun(SqliteDataReader row) =>
        new(row.GetInt64(0), row.GetString(1), (SourceReadMode)row.GetInt32(2), (SyncTrigger)row.GetInt32(3), new DateTimeOffset(row.GetInt64(4), TimeSpan.Zero))
        {
            Status = (SyncRunStatus)row.GetInt32(5),
            FinishedAt = SourceRecordRows.Time(row, 6),
            Read = row.GetInt64(7),
            Created = row.GetInt64(8),
            Updated = row.GetInt64(9),
            Unchanged = row.GetInt64(10),
            Merged = row.GetInt64(11),
            Rejected = row.GetInt64(12),
            Related = row.GetInt64(13),
            Deleted = row.GetInt64(14),
            QueuedForReview = row.GetInt64(15),
            Errors = ImportErrorListCodec.Decode(SourceRecordRows.Blob(row, 16)),
            Failure = row.IsDBNull(17) ? null : row.GetString(17),
            CursorBefore = row.IsDBNull(18) ? null : row.GetString(18),
            CursorAfter = row.IsDBNull(19) ? null : row.GetString(19),
        };

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
