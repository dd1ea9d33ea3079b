using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Reads of export definitions, runs, checkpoints, outcomes and failures, on a reader's snapshot or inside a write's transaction.</summary>
internal static class ExportQueries
{
    /// <summary>The columns <see cref="ReadRun"/> expects, in order.</summary>
    public const string RunColumns =
        "id, export, triggered_by, started_at, status, finished_at, full, sent, succeeded, failed, created, updated, removed, skipped, failure";

    /// <summary>An export's runs, newest first, up to a limit.</summary>
    public const string RunsSql = $"SELECT {RunColumns} FROM export_runs WHERE export_key = $key ORDER BY id DESC LIMIT $limit";

    /// <summary>
    /// The runs of an export still marked running: the status is written as the literal of the partial index
    /// export_runs_running, so the query reads that index alone.
    /// </summary>
    public const string RunningSql = "SELECT id, started_at FROM export_runs WHERE export_key = $key AND status = 1";

    /// <summary>A page of a run's outcomes in the order recorded, after an outcome's rowid.</summary>
    public const string OutcomesSql =
        "SELECT id, profile_id, key, kind, reason, attempt, retry_at FROM export_outcomes "
        + "WHERE export_key = $key AND run_id = $run AND id > $after ORDER BY id LIMIT $limit";

    /// <summary>An export's failures by profile id.</summary>
    public const string FailuresSql =
        "SELECT profile_id, key, reason, attempts, last_attempt_at, retry_at FROM export_failures WHERE export_key = $key ORDER BY profile_id";

    /// <summary>The key of an export name: names are unique, and found, regardless of case.</summary>
    public static string Key(string name) => name.ToUpperInvariant();

    /// <summary>An export's runs, newest first, up to <paramref name="limit"/>.</summary>
    public static List<ExportRun> Runs(SqliteConnection connection, SqliteTransaction transaction, string export, int limit)
    {
        using var command = Command(connection, transaction, RunsSql);
        command.Parameters.AddWithValue("$key", Key(export));
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var runs = new List<ExportRun>();
        while (row.Read())
        {
            runs.Add(ReadRun(row));
        }

        return runs;
    }

    /// <summary>The id and start of each run of the export still marked running.</summary>
    public static List<(long Id, DateTimeOffset StartedAt)> Running(SqliteConnection connection, SqliteTransaction transaction, string export)
    {
        using var command = Command(connection, transaction, RunningSql);
        command.Parameters.AddWithValue("$key", Key(export));
        using var row = command.ExecuteReader();
        var running = new List<(long, DateTimeOffset)>();
        while (row.Read())
        {
            running.Add((row.GetInt64(0), new DateTimeOffset(row.GetInt64(1), TimeSpan.Zero)));
        }

        return running;
    }

    /// <summary>An export's checkpoint, or null.</summary>
    public static ExportCheckpoint? Checkpoint(SqliteConnection connection, SqliteTransaction transaction, string export)
    {
        using var command = Command(connection, transaction,
            "SELECT export, profile_version, membership_sequence, fingerprint, at FROM export_checkpoints WHERE export_key = $key");
        command.Parameters.AddWithValue("$key", Key(export));
        using var row = command.ExecuteReader();
        return row.Read()
            ? new ExportCheckpoint(row.GetString(0), row.GetInt64(1), row.GetInt64(2), row.GetString(3), new DateTimeOffset(row.GetInt64(4), TimeSpan.Zero))
            : null;
    }

    /// <summary>Up to <paramref name="limit"/> outcomes of a run recorded after the outcome <paramref name="after"/>, each with its rowid.</summary>
    public static List<(long Id, ExportOutcome Outcome)> Outcomes(SqliteConnection connection, SqliteTransaction transaction, string export, long run, long after, int limit)
    {
        using var command = Command(connection, transaction, OutcomesSql);
        command.Parameters.AddWithValue("$key", Key(export));
        command.Parameters.AddWithValue("$run", run);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var outcomes = new List<(long, ExportOutcome)>();
        while (row.Read())
        {
            outcomes.Add((row.GetInt64(0), new ExportOutcome(new ProfileId(row.GetInt64(1)), Text(row, 2), (ExportOutcomeKind)row.GetInt32(3))
            {
                Reason = Text(row, 4),
                Attempt = row.GetInt32(5),
                RetryAt = SourceRecordRows.Time(row, 6),
            }));
        }

        return outcomes;
    }

    /// <summary>An export's failures by profile id.</summary>
    public static List<ExportFailure> Failures(SqliteConnection connection, SqliteTransaction transaction, string export)
    {
        using var command = Command(connection, transaction, FailuresSql);
        command.Parameters.AddWithValue("$key", Key(export));
        using var row = command.ExecuteReader();
        var failures = new List<ExportFailure>();
        while (row.Read())
        {
            failures.Add(new ExportFailure(
                new ProfileId(row.GetInt64(0)), Text(row, 1), row.GetString(2), row.GetInt32(3), new DateTimeOffset(row.GetInt64(4), TimeSpan.Zero), SourceRecordRows.Time(row, 5)));
        }

        return failures;
    }

    /// <summary>Reads a run whose <see cref="RunColumns"/> start at the first column.</summary>
    private static ExportRun ReadRun(SqliteDataReader row) =>
        new(row.GetInt64(0), row.GetString(1), (ExportTrigger)row.GetInt32(2), new DateTimeOffset(row.GetInt64(3), TimeSpan.Zero))
        {
            Status = (ExportRunStatus)row.GetInt32(4),
            FinishedAt = SourceRecordRows.Time(row, 5),
            Full = row.GetInt64(6) != 0,
            Sent = row.GetInt64(7),
            Succeeded = row.GetInt64(8),
            Failed = row.GetInt64(9),
            Created = row.GetInt64(10),
            Updated = row.GetInt64(11),
            Removed = row.GetInt64(12),
            Skipped = row.GetInt64(13),
            Failure = Text(row, 14),
        };

    private static string? Text(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
