using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Reads of signal definitions, runs and checks, on a reader's snapshot or inside a write's transaction.</summary>
internal static class SignalQueries
{
    /// <summary>The columns <see cref="ReadRun"/> expects, in order.</summary>
    public const string RunColumns =
        "id, signal, triggered_by, started_at, status, finished_at, checked, fired, failed, credits, errors, failure";

    /// <summary>A signal's runs, newest first, up to a limit.</summary>
    public const string RunsSql = $"SELECT {RunColumns} FROM signal_runs WHERE signal_key = $key ORDER BY id DESC LIMIT $limit";

    /// <summary>How far a signal checked the profiles of a JSON array.</summary>
    public const string ChecksSql =
        "SELECT profile_id, checked_until FROM signal_checks WHERE signal_key = $key AND profile_id IN (SELECT value FROM json_each($profiles))";

    /// <summary>The key of a signal name: names are unique, and found, regardless of case.</summary>
    public static string Key(string name) => name.ToUpperInvariant();

    /// <summary>A run by id, or null.</summary>
    public static SignalRun? Run(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, $"SELECT {RunColumns} FROM signal_runs WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var row = command.ExecuteReader();
        return row.Read() ? ReadRun(row) : null;
    }

    /// <summary>A signal's runs, newest first, up to <paramref name="limit"/>.</summary>
    public static List<SignalRun> Runs(SqliteConnection connection, SqliteTransaction transaction, string signal, int limit)
    {
        using var command = Command(connection, transaction, RunsSql);
        command.Parameters.AddWithValue("$key", Key(signal));
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var runs = new List<SignalRun>();
        while (row.Read())
        {
            runs.Add(ReadRun(row));
        }

        return runs;
    }

    /// <summary>
    /// How far the signal has checked each of the profiles that it has checked. The profiles go in as one JSON array,
    /// so the statement is the same whatever their number.
    /// </summary>
    public static Dictionary<ProfileId, DateTimeOffset> Checks(SqliteConnection connection, SqliteTransaction transaction, string signal, IReadOnlyCollection<ProfileId> profiles)
    {
        using var command = Command(connection, transaction, ChecksSql);
        command.Parameters.AddWithValue("$key", Key(signal));
        command.Parameters.AddWithValue("$profiles", "[" + string.Join(',', profiles.Select(p => p.Value)) + "]");
        using var row = command.ExecuteReader();
        var checks = new Dictionary<ProfileId, DateTimeOffset>();
        while (row.Read())
        {
            checks[new ProfileId(row.GetInt64(0))] = new DateTimeOffset(row.GetInt64(1), TimeSpan.Zero);
        }

        return checks;
    }

    /// <summary>Reads a run whose <see cref="RunColumns"/> start at the first column.</summary>
    private static SignalRun ReadRun(SqliteDataReader row) =>
        new(row.GetInt64(0), row.GetString(1), (SignalTrigger)row.GetInt32(2), new DateTimeOffset(row.GetInt64(3), TimeSpan.Zero))
        {
            Status = (SignalRunStatus)row.GetInt32(4),
            FinishedAt = SourceRecordRows.Time(row, 5),
            Checked = row.GetInt64(6),
            Fired = row.GetInt64(7),
            Failed = row.GetInt64(8),
            Credits = DecimalText.Decode(row.GetString(9)),
            Errors = SignalErrorListCodec.Decode(SourceRecordRows.Blob(row, 10)),
            Failure = row.IsDBNull(11) ? null : row.GetString(11),
        };

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
