using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Serialization;
using Audiences.Sdk.Sync;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The standalone writes of sync definitions and runs, each inside the transaction of one <see cref="SqliteStore.Write{T}"/>.</summary>
internal static class SyncWrites
{
    /// <summary>
    /// Starts a run unless another run of its sync is running and started at or after <paramref name="staleBefore"/>;
    /// runs of the sync still marked running from before then are failed as abandoned. The transaction holds the
    /// write lock from its first statement (<c>BEGIN IMMEDIATE</c>), so no other start comes between the check and the insert.
    /// </summary>
    /// <returns>The run with its id, or null.</returns>
    public static SyncRun? TryStartRun(SqliteConnection connection, SqliteTransaction transaction, SyncRun run, DateTimeOffset staleBefore)
    {
        var running = SyncQueries.Running(connection, transaction, run.Sync);
        if (running.Exists(r => r.StartedAt >= staleBefore))
        {
            return null;
        }

        using var insert = Command(connection, transaction,
            $"INSERT INTO sync_runs (sync_key, sync, mode, triggered_by, started_at, {OutcomeColumns}) "
            + $"VALUES ($key, $sync, $mode, $trigger, $started_at, {OutcomeParameters}) RETURNING id");
        insert.Parameters.AddWithValue("$key", SyncQueries.Key(run.Sync));
        insert.Parameters.AddWithValue("$sync", run.Sync);
        insert.Parameters.AddWithValue("$mode", (long)run.Mode);
        insert.Parameters.AddWithValue("$trigger", (long)run.Trigger);
        insert.Parameters.AddWithValue("$started_at", run.StartedAt.UtcTicks);
        BindOutcome(insert, run);
        var started = run with { Id = (long)insert.ExecuteScalar()! };

        foreach (var abandoned in running)
        {
            var failed = abandoned.AbandonedBy(started, staleBefore);
            using var update = Command(connection, transaction, "UPDATE sync_runs SET status = $status, finished_at = $finished_at, failure = $failure WHERE id = $id");
            update.Parameters.AddWithValue("$status", (long)failed.Status);
            update.Parameters.AddWithValue("$finished_at", failed.FinishedAt!.Value.UtcTicks);
            update.Parameters.AddWithValue("$failure", failed.Failure);
            update.Parameters.AddWithValue("$id", failed.Id);
            update.ExecuteNonQuery();
        }

        return started;
    }

    /// <summary>Records how a run ended: everything but what identifies it (sync, mode, trigger, start), which stays as started.</summary>
    /// <exception cref="KeyNotFoundException">No run with the id was started.</exception>
    public static void FinishRun(SqliteConnection connection, SqliteTransaction transaction, SyncRun run)
    {
        // Only a running run ends here: one taken over as abandoned keeps that record.
        using var command = Command(connection, transaction,
            $"UPDATE sync_runs SET ({OutcomeColumns}) = ({OutcomeParameters}) WHERE id = $id AND status = $running");
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$running", (long)SyncRunStatus.Running);
        BindOutcome(command, run);
        if (command.ExecuteNonQuery() == 0 && !Exists(connection, transaction, run.Id))
        {
            throw new KeyNotFoundException($"No sync run {run.Id} was started; start a run with TryStartRunAsync before finishing it.");
        }
    }

    private static bool Exists(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, "SELECT 1 FROM sync_runs WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Forgets a sync's cursor and runs.</summary>
    public static void Delete(SqliteConnection connection, SqliteTransaction transaction, string sync)
    {
        using var command = Command(connection, transaction, "DELETE FROM sync_cursors WHERE sync_key = $key; DELETE FROM sync_runs WHERE sync_key = $key");
        command.Parameters.AddWithValue("$key", SyncQueries.Key(sync));
        command.ExecuteNonQuery();
    }

    private const string OutcomeColumns =
        "status, finished_at, read, created, updated, unchanged, merged, rejected, related, deleted, queued, errors, failure, cursor_before, cursor_after";

    private const string OutcomeParameters =
        "$status, $finished_at, $read, $created, $updated, $unchanged, $merged, $rejected, $related, $deleted, $queued, $errors, $failure, $cursor_before, $cursor_after";

    private static void BindOutcome(SqliteCommand command, SyncRun run)
    {
        var p = command.Parameters;
        p.AddWithValue("$status", (long)run.Status);
        p.AddWithValue("$finished_at", run.FinishedAt is { } finished ? finished.UtcTicks : DBNull.Value);
        p.AddWithValue("$read", run.Read);
        p.AddWithValue("$created", run.Created);
        p.AddWithValue("$updated", run.Updated);
        p.AddWithValue("$unchanged", run.Unchanged);
        p.AddWithValue("$merged", run.Merged);
        p.AddWithValue("$rejected", run.Rejected);
        p.AddWithValue("$related", run.Related);
        p.AddWithValue("$deleted", run.Deleted);
        p.AddWithValue("$queued", run.QueuedForReview);
        p.AddWithValue("$errors", ImportErrorListCodec.Encode(run.Errors));
        p.AddWithValue("$failure", (object?)run.Failure ?? DBNull.Value);
        p.AddWithValue("$cursor_before", (object?)run.CursorBefore ?? DBNull.Value);
        p.AddWithValue("$cursor_after", (object?)run.CursorAfter ?? DBNull.Value);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
