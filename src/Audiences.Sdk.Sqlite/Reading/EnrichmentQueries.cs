using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Reads of enrichment definitions, runs and outputs, on a reader's snapshot or inside a write's transaction.</summary>
internal static class EnrichmentQueries
{
    /// <summary>The columns <see cref="ReadRun"/> expects, in order.</summary>
    public const string RunColumns =
        "id, enrichment, triggered_by, started_at, status, finished_at, processed, written, skipped, failed, gated, credits, errors, failure";

    private const string OutputColumns = "id, run_id, profile_id, outcome, vals, provider, credits, error, inputs_hash";

    /// <summary>The key of an enrichment name: names are unique, and found, regardless of case.</summary>
    public static string Key(string name) => name.ToUpperInvariant();

    /// <summary>A run by id, or null.</summary>
    public static EnrichmentRun? Run(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, $"SELECT {RunColumns} FROM enrichment_runs WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var row = command.ExecuteReader();
        return row.Read() ? ReadRun(row) : null;
    }

    /// <summary>An enrichment's runs, newest first, up to <paramref name="limit"/>.</summary>
    public static List<EnrichmentRun> Runs(SqliteConnection connection, SqliteTransaction transaction, string enrichment, int limit)
    {
        using var command = Command(connection, transaction,
            $"SELECT {RunColumns} FROM enrichment_runs WHERE enrichment_key = $key ORDER BY id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$key", Key(enrichment));
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var runs = new List<EnrichmentRun>();
        while (row.Read())
        {
            runs.Add(ReadRun(row));
        }

        return runs;
    }

    /// <summary>Up to <paramref name="limit"/> of a run's outputs appended after the one with id <paramref name="after"/>, in append order, each with its id.</summary>
    public static List<(long Id, EnrichmentRunOutput Output)> Outputs(SqliteConnection connection, SqliteTransaction transaction, long runId, long after, int limit)
    {
        using var command = Command(connection, transaction,
            $"SELECT {OutputColumns} FROM enrichment_outputs WHERE run_id = $run AND id > $after ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var outputs = new List<(long, EnrichmentRunOutput)>();
        while (row.Read())
        {
            outputs.Add((row.GetInt64(0), ReadOutput(row)));
        }

        return outputs;
    }

    /// <summary>
    /// The inputs hash of each profile's latest found or not-found output in a run of the enrichment that was not a
    /// test. The profiles go in as one JSON array, so the statement is the same whatever their number.
    /// </summary>
    public static Dictionary<ProfileId, string> Lookups(SqliteConnection connection, SqliteTransaction transaction, string enrichment, IReadOnlyCollection<ProfileId> profiles)
    {
        using var command = Command(connection, transaction,
            "SELECT o.profile_id, o.inputs_hash FROM enrichment_outputs o JOIN enrichment_runs r ON r.id = o.run_id "
            + "WHERE o.profile_id IN (SELECT value FROM json_each($profiles)) AND r.enrichment_key = $key "
            + "AND r.triggered_by <> $test AND o.outcome IN ($found, $not_found) ORDER BY o.id");
        command.Parameters.AddWithValue("$profiles", "[" + string.Join(',', profiles.Select(p => p.Value)) + "]");
        command.Parameters.AddWithValue("$key", Key(enrichment));
        command.Parameters.AddWithValue("$test", (long)EnrichmentTrigger.Test);
        command.Parameters.AddWithValue("$found", (long)EnrichmentOutcome.Found);
        command.Parameters.AddWithValue("$not_found", (long)EnrichmentOutcome.NotFound);
        using var row = command.ExecuteReader();
        var lookups = new Dictionary<ProfileId, string>();
        while (row.Read())
        {
            // Rows come in append order: the latest look-up of a profile overwrites the earlier ones.
            lookups[new ProfileId(row.GetInt64(0))] = row.GetString(1);
        }

        return lookups;
    }

    /// <summary>Reads a run whose <see cref="RunColumns"/> start at the first column.</summary>
    private static EnrichmentRun ReadRun(SqliteDataReader row) => EnrichmentErrorListCodec.DecodeInto(
        new(row.GetInt64(0), row.GetString(1), (EnrichmentTrigger)row.GetInt32(2), new DateTimeOffset(row.GetInt64(3), TimeSpan.Zero))
        {
            Status = (EnrichmentRunStatus)row.GetInt32(4),
            FinishedAt = SourceRecordRows.Time(row, 5),
            Processed = row.GetInt64(6),
            Written = row.GetInt64(7),
            Skipped = row.GetInt64(8),
            Failed = row.GetInt64(9),
            Gated = row.GetInt64(10),
            Credits = DecimalText.Decode(row.GetString(11)),
            Failure = row.IsDBNull(13) ? null : row.GetString(13),
        },
        SourceRecordRows.Blob(row, 12));

    private static EnrichmentRunOutput ReadOutput(SqliteDataReader row) =>
        new(row.GetInt64(1), new ProfileId(row.GetInt64(2)), (EnrichmentOutcome)row.GetInt32(3), row.GetString(8))
        {
            Values = ValueCodec.DecodeValues(SourceRecordRows.Blob(row, 4)),
            Provider = row.IsDBNull(5) ? null : row.GetString(5),
            Credits = DecimalText.Decode(row.GetString(6)),
            Error = row.IsDBNull(7) ? null : row.GetString(7),
        };

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
