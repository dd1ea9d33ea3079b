using System.Globalization;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The standalone writes of export definitions, runs, checkpoints and outcomes, each inside the transaction of one <see cref="SqliteStore.Write{T}"/>.</summary>
internal static class ExportWrites
{
    private const string OutcomeColumns = "status, finished_at, full, sent, succeeded, failed, created, updated, removed, skipped, failure";

    private const string OutcomeParameters = "$status, $finished_at, $full, $sent, $succeeded, $failed, $created, $updated, $removed, $skipped, $failure";

    /// <summary>
    /// Starts a run unless another of its export is running since <paramref name="staleBefore"/>; older running runs
    /// are failed as abandoned first. The transaction is <c>BEGIN IMMEDIATE</c>, so no other writer, of this process or
    /// another, starts a run between the check and the insert.
    /// </summary>
    /// <returns>The run with its id, or null when another run of the export is running.</returns>
    public static ExportRun? TryStartRun(SqliteConnection connection, SqliteTransaction transaction, ExportRun run, DateTimeOffset staleBefore)
    {
        var running = ExportQueries.Running(connection, transaction, run.Export);
        if (running.Exists(r => r.StartedAt >= staleBefore))
        {
            return null;
        }

        if (running.Count > 0)
        {
            using var abandon = Command(connection, transaction,
                "UPDATE export_runs SET status = $failed, finished_at = $finished_at, failure = $failure WHERE id = $id");
            var p = abandon.Parameters;
            p.AddWithValue("$failed", (long)ExportRunStatus.Failed);
            p.AddWithValue("$finished_at", run.StartedAt.UtcTicks);
            var id = p.Add("$id", SqliteType.Integer);
            var failure = p.Add("$failure", SqliteType.Text);
            foreach (var stale in running)
            {
                id.Value = stale.Id;
                failure.Value = Abandoned(stale.StartedAt, staleBefore);
                abandon.ExecuteNonQuery();
            }
        }

        using var insert = Command(connection, transaction,
            $"INSERT INTO export_runs (export_key, export, triggered_by, started_at, {OutcomeColumns}) "
            + $"VALUES ($key, $export, $trigger, $started_at, {OutcomeParameters}) RETURNING id");
        insert.Parameters.AddWithValue("$key", ExportQueries.Key(run.Export));
        insert.Parameters.AddWithValue("$export", run.Export);
        insert.Parameters.AddWithValue("$trigger", (long)run.Trigger);
        insert.Parameters.AddWithValue("$started_at", run.StartedAt.UtcTicks);
        BindOutcome(insert, run);
        return run with
        {
            Id = (long)insert.ExecuteScalar()!,
            StartedAt = run.StartedAt.ToUniversalTime(),
            FinishedAt = run.FinishedAt?.ToUniversalTime(),
        };
    }

    /// <summary>Records how a running run ended: everything but what identifies it (export, trigger, start).</summary>
    /// <exception cref="KeyNotFoundException">No run with the id was started.</exception>
    public static void FinishRun(SqliteConnection connection, SqliteTransaction transaction, ExportRun run)
    {
        // Only a running run ends here: one finished already, or taken over as stale, keeps its first record.
        using var command = Command(connection, transaction,
            $"UPDATE export_runs SET ({OutcomeColumns}) = ({OutcomeParameters}) WHERE id = $id AND status = $running");
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$running", (long)ExportRunStatus.Running);
        BindOutcome(command, run);
        if (command.ExecuteNonQuery() == 0 && !RunExists(connection, transaction, run.Id))
        {
            throw new KeyNotFoundException($"No export run {run.Id} was started; start a run with TryStartRunAsync before finishing it.");
        }
    }

    /// <summary>Stores an export's checkpoint, replacing the one it had under its name in any case.</summary>
    public static void SaveCheckpoint(SqliteConnection connection, SqliteTransaction transaction, ExportCheckpoint checkpoint)
    {
        using var command = Command(connection, transaction,
            "INSERT INTO export_checkpoints (export_key, export, profile_version, membership_sequence, fingerprint, at) "
            + "VALUES ($key, $export, $profile_version, $membership_sequence, $fingerprint, $at) "
            + "ON CONFLICT (export_key) DO UPDATE SET export = excluded.export, profile_version = excluded.profile_version, "
            + "membership_sequence = excluded.membership_sequence, fingerprint = excluded.fingerprint, at = excluded.at");
        var p = command.Parameters;
        p.AddWithValue("$key", ExportQueries.Key(checkpoint.Export));
        p.AddWithValue("$export", checkpoint.Export);
        p.AddWithValue("$profile_version", checkpoint.ProfileVersion);
        p.AddWithValue("$membership_sequence", checkpoint.MembershipSequence);
        p.AddWithValue("$fingerprint", checkpoint.Fingerprint);
        p.AddWithValue("$at", checkpoint.At.UtcTicks);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Appends a run's outcomes in their order and keeps the failures current: a failed outcome sets its record's
    /// failure, any other clears it.
    /// </summary>
    public static void RecordOutcomes(SqliteConnection connection, SqliteTransaction transaction, string export, long run, IReadOnlyList<ExportOutcome> outcomes, DateTimeOffset at)
    {
        var key = ExportQueries.Key(export);
        using var insert = Command(connection, transaction,
            "INSERT INTO export_outcomes (export_key, run_id, profile_id, key, kind, reason, attempt, retry_at) "
            + "VALUES ($export, $run, $profile, $key, $kind, $reason, $attempt, $retry_at)");
        using var fail = Command(connection, transaction,
            "INSERT INTO export_failures (export_key, profile_id, key, reason, attempts, last_attempt_at, retry_at) "
            + "VALUES ($export, $profile, $key, $reason, $attempt, $at, $retry_at) "
            + "ON CONFLICT (export_key, profile_id) DO UPDATE SET key = excluded.key, reason = excluded.reason, "
            + "attempts = excluded.attempts, last_attempt_at = excluded.last_attempt_at, retry_at = excluded.retry_at");
        using var clear = Command(connection, transaction, "DELETE FROM export_failures WHERE export_key = $export AND profile_id = $profile");
        Prepare(insert, key);
        insert.Parameters.AddWithValue("$run", run);
        var kind = insert.Parameters.Add("$kind", SqliteType.Integer);
        Prepare(fail, key);
        fail.Parameters.AddWithValue("$at", at.UtcTicks);
        clear.Parameters.AddWithValue("$export", key);
        var cleared = clear.Parameters.Add("$profile", SqliteType.Integer);
        foreach (var outcome in outcomes)
        {
            Set(insert.Parameters, outcome);
            kind.Value = (long)outcome.Kind;
            insert.ExecuteNonQuery();
            if (outcome.Kind == ExportOutcomeKind.Failed)
            {
                Set(fail.Parameters, outcome);
                fail.ExecuteNonQuery();
            }
            else
            {
                cleared.Value = outcome.Profile.Value;
                clear.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Adds the export's key and the parameters of one outcome, set per outcome by <see cref="Set"/>.</summary>
    private static void Prepare(SqliteCommand command, string exportKey)
    {
        var p = command.Parameters;
        p.AddWithValue("$export", exportKey);
        p.Add("$profile", SqliteType.Integer);
        p.Add("$key", SqliteType.Text);
        p.Add("$reason", SqliteType.Text);
        p.Add("$attempt", SqliteType.Integer);
        p.Add("$retry_at", SqliteType.Integer);
    }

    private static void Set(SqliteParameterCollection p, ExportOutcome outcome)
    {
        p["$profile"].Value = outcome.Profile.Value;
        p["$key"].Value = (object?)outcome.Key ?? DBNull.Value;
        p["$reason"].Value = (object?)outcome.Reason ?? DBNull.Value;
        p["$attempt"].Value = (long)outcome.Attempt;
        p["$retry_at"].Value = outcome.RetryAt is { } retry ? retry.UtcTicks : DBNull.Value;
    }

    private static string Abandoned(DateTimeOffset startedAt, DateTimeOffset staleBefore) => string.Create(
        CultureInfo.InvariantCulture,
        $"Abandoned: still marked running since {startedAt.ToUniversalTime():O}, before {staleBefore.ToUniversalTime():O}; taken for dead when a later run started.");

    private static bool RunExists(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, "SELECT 1 FROM export_runs WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is not null;
    }

    private static void BindOutcome(SqliteCommand command, ExportRun run)
    {
        var p = command.Parameters;
        p.AddWithValue("$status", (long)run.Status);
        p.AddWithValue("$finished_at", run.FinishedAt is { } finished ? finished.UtcTicks : DBNull.Value);
        p.AddWithValue("$full", run.Full ? 1L : 0L);
        p.AddWithValue("$sent", run.Sent);
        p.AddWithValue("$succeeded", run.Succeeded);
        p.AddWithValue("$failed", run.Failed);
        p.AddWithValue("$created", run.Created);
        p.AddWithValue("$updated", run.Updated);
        p.AddWithValue("$removed", run.Removed);
        p.AddWithValue("$skipped", run.Skipped);
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
