using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The standalone writes of enrichment definitions, runs and outputs, each inside the transaction of one <see cref="SqliteStore.Write{T}"/>.</summary>
internal static class EnrichmentWrites
{
    private const string OutcomeColumns = "status, finished_at, processed, written, skipped, failed, gated, credits, errors, failure";

    private const string OutcomeParameters = "$status, $finished_at, $processed, $written, $skipped, $failed, $gated, $credits, $errors, $failure";

    /// <summary>Starts a run; the run with its id.</summary>
    public static EnrichmentRun StartRun(SqliteConnection connection, SqliteTransaction transaction, EnrichmentRun run)
    {
        using var insert = Command(connection, transaction,
            $"INSERT INTO enrichment_runs (enrichment_key, enrichment, triggered_by, started_at, {OutcomeColumns}) "
            + $"VALUES ($key, $enrichment, $trigger, $started_at, {OutcomeParameters}) RETURNING id");
        insert.Parameters.AddWithValue("$key", EnrichmentQueries.Key(run.Enrichment));
        insert.Parameters.AddWithValue("$enrichment", run.Enrichment);
        insert.Parameters.AddWithValue("$trigger", (long)run.Trigger);
        insert.Parameters.AddWithValue("$started_at", run.StartedAt.UtcTicks);
        BindOutcome(insert, run);
        return run with { Id = (long)insert.ExecuteScalar()! };
    }

    /// <summary>Records how a running run ended: everything but what identifies it (enrichment, trigger, start).</summary>
    /// <exception cref="KeyNotFoundException">No run with the id was started.</exception>
    public static void FinishRun(SqliteConnection connection, SqliteTransaction transaction, EnrichmentRun run)
    {
        // Only a running run ends here: one finished already keeps its first record.
        using var command = Command(connection, transaction,
            $"UPDATE enrichment_runs SET ({OutcomeColumns}) = ({OutcomeParameters}) WHERE id = $id AND status = $running");
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$running", (long)EnrichmentRunStatus.Running);
        BindOutcome(command, run);
        if (command.ExecuteNonQuery() == 0 && !RunExists(connection, transaction, run.Id))
        {
            throw new KeyNotFoundException($"No enrichment run {run.Id} was started; start a run with StartRunAsync before finishing it.");
        }
    }

    /// <summary>Forgets an enrichment's runs and their outputs; how many runs there were.</summary>
    public static int DeleteRuns(SqliteConnection connection, SqliteTransaction transaction, string enrichment)
    {
        using var command = Command(connection, transaction,
            "DELETE FROM enrichment_outputs WHERE run_id IN (SELECT id FROM enrichment_runs WHERE enrichment_key = $key); "
            + "DELETE FROM enrichment_runs WHERE enrichment_key = $key; SELECT changes()");
        command.Parameters.AddWithValue("$key", EnrichmentQueries.Key(enrichment));
        return (int)(long)command.ExecuteScalar()!;
    }

    /// <summary>Appends outputs in order, after checking that each names a started run.</summary>
    /// <exception cref="KeyNotFoundException">An output names a run that was never started; the transaction rolls back.</exception>
    public static void AppendOutputs(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<EnrichmentRunOutput> outputs)
    {
        foreach (var runId in outputs.Select(o => o.RunId).Distinct())
        {
            if (!RunExists(connection, transaction, runId))
            {
                throw new KeyNotFoundException($"No enrichment run {runId} was started; start the run before appending its outputs.");
            }
        }

        using var insert = Command(connection, transaction,
            "INSERT INTO enrichment_outputs (run_id, profile_id, outcome, vals, provider, credits, error, inputs_hash) "
            + "VALUES ($run, $profile, $outcome, $vals, $provider, $credits, $error, $hash)");
        var p = insert.Parameters;
        var run = p.Add("$run", SqliteType.Integer);
        var profile = p.Add("$profile", SqliteType.Integer);
        var outcome = p.Add("$outcome", SqliteType.Integer);
        var values = p.Add("$vals", SqliteType.Blob);
        var provider = p.Add("$provider", SqliteType.Text);
        var credits = p.Add("$credits", SqliteType.Text);
        var error = p.Add("$error", SqliteType.Text);
        var hash = p.Add("$hash", SqliteType.Text);
        foreach (var output in outputs)
        {
            run.Value = output.RunId;
            profile.Value = output.Profile.Value;
            outcome.Value = (long)output.Outcome;
            values.Value = ValueCodec.EncodeValues(output.Values);
            provider.Value = (object?)output.Provider ?? DBNull.Value;
            credits.Value = DecimalText.Encode(output.Credits);
            error.Value = (object?)output.Error ?? DBNull.Value;
            hash.Value = output.InputsHash;
            insert.ExecuteNonQuery();
        }
    }

    private static bool RunExists(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, "SELECT 1 FROM enrichment_runs WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is not null;
    }

    private static void BindOutcome(SqliteCommand command, EnrichmentRun run)
    {
        var p = command.Parameters;
        p.AddWithValue("$status", (long)run.Status);
        p.AddWithValue("$finished_at", run.FinishedAt is { } finished ? finished.UtcTicks : DBNull.Value);
        p.AddWithValue("$processed", run.Processed);
        p.AddWithValue("$written", run.Written);
        p.AddWithValue("$skipped", run.Skipped);
        p.AddWithValue("$failed", run.Failed);
        p.AddWithValue("$gated", run.Gated);
        p.AddWithValue("$credits", DecimalText.Encode(run.Credits));
        p.AddWithValue("$errors", EnrichmentErrorListCodec.Encode(run));
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
