using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The standalone writes of signal definitions, runs and checks, each inside the transaction of one <see cref="SqliteStore.Write{T}"/>.</summary>
internal static class SignalWrites
{
    private const string OutcomeColumns = "status, finished_at, checked, fired, failed, credits, errors, failure";

    private const string OutcomeParameters = "$status, $finished_at, $checked, $fired, $failed, $credits, $errors, $failure";

    /// <summary>Starts a run; the run with its id.</summary>
    public static SignalRun StartRun(SqliteConnection connection, SqliteTransaction transaction, SignalRun run)
    {
        using var insert = Command(connection, transaction,
            $"INSERT INTO signal_runs (signal_key, signal, triggered_by, started_at, {OutcomeColumns}) "
            + $"VALUES ($key, $signal, $trigger, $started_at, {OutcomeParameters}) RETURNING id");
        insert.Parameters.AddWithValue("$key", SignalQueries.Key(run.Signal));
        insert.Parameters.AddWithValue("$signal", run.Signal);
        insert.Parameters.AddWithValue("$trigger", (long)run.Trigger);
        insert.Parameters.AddWithValue("$started_at", run.StartedAt.UtcTicks);
        BindOutcome(insert, run);
        return run with { Id = (long)insert.ExecuteScalar()! };
    }

    /// <summary>Records how a running run ended: everything but what identifies it (signal, trigger, start).</summary>
    /// <exception cref="KeyNotFoundException">No run with the id was started.</exception>
    public static void FinishRun(SqliteConnection connection, SqliteTransaction transaction, SignalRun run)
    {
        // Only a running run ends here: one finished already keeps its first record.
        using var command = Command(connection, transaction,
            $"UPDATE signal_runs SET ({OutcomeColumns}) = ({OutcomeParameters}) WHERE id = $id AND status = $running");
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$running", (long)SignalRunStatus.Running);
        BindOutcome(command, run);
        if (command.ExecuteNonQuery() == 0 && !RunExists(connection, transaction, run.Id))
        {
            throw new KeyNotFoundException($"No signal run {run.Id} was started; start a run with StartRunAsync before finishing it.");
        }
    }

    /// <summary>Records that the signal checked the profiles up to <paramref name="checkedUntil"/>, replacing what was recorded for them.</summary>
    public static void RecordChecks(SqliteConnection connection, SqliteTransaction transaction, string signal, IReadOnlyCollection<ProfileId> profiles, DateTimeOffset checkedUntil)
    {
        using var upsert = Command(connection, transaction,
            "INSERT INTO signal_checks (signal_key, profile_id, checked_until) VALUES ($key, $profile, $until) "
            + "ON CONFLICT (signal_key, profile_id) DO UPDATE SET checked_until = excluded.checked_until");
        var p = upsert.Parameters;
        p.AddWithValue("$key", SignalQueries.Key(signal));
        p.AddWithValue("$until", checkedUntil.UtcTicks);
        var profile = p.Add("$profile", SqliteType.Integer);
        foreach (var id in profiles)
        {
            profile.Value = id.Value;
            upsert.ExecuteNonQuery();
        }
    }

    private static bool RunExists(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, "SELECT 1 FROM signal_runs WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is not null;
    }

    private static void BindOutcome(SqliteCommand command, SignalRun run)
    {
        var p = command.Parameters;
        p.AddWithValue("$status", (long)run.Status);
        p.AddWithValue("$finished_at", run.FinishedAt is { } finished ? finished.UtcTicks : DBNull.Value);
        p.AddWithValue("$checked", run.Checked);
        p.AddWithValue("$fired", run.Fired);
        p.AddWithValue("$failed", run.Failed);
        p.AddWithValue("$credits", DecimalText.Encode(run.Credits));
        p.AddWithValue("$errors", SignalErrorListCodec.Encode(run.Errors));
        p.AddWithValue("$failure", (object?)run.Failure ?? DBNull.Value);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
