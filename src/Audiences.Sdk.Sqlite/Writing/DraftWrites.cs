using Audiences.Sdk.Drafts;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The standalone writes of drafts, each inside the transaction of one <see cref="SqliteStore.Write{T}"/>.</summary>
internal static class DraftWrites
{
    /// <summary>Stores a new draft and its records in the order given; returns it with its id and record count.</summary>
    public static Draft Create(SqliteConnection connection, SqliteTransaction transaction, Draft draft, IReadOnlyList<SourceRecord> records)
    {
        var stored = draft with { RecordCount = records.Count };
        using (var insert = Command(connection, transaction,
            "INSERT INTO drafts (kind, provider, query, created_at, status, decided_at, record_count) "
            + "VALUES ($kind, $provider, $query, $created_at, $status, $decided_at, $record_count) RETURNING id"))
        {
            insert.Parameters.AddWithValue("$kind", (long)stored.Kind);
            insert.Parameters.AddWithValue("$provider", stored.Provider);
            insert.Parameters.AddWithValue("$query", stored.Query);
            insert.Parameters.AddWithValue("$created_at", stored.CreatedAt.UtcTicks);
            insert.Parameters.AddWithValue("$status", (long)stored.Status);
            insert.Parameters.AddWithValue("$decided_at", stored.DecidedAt is { } decided ? decided.UtcTicks : DBNull.Value);
            insert.Parameters.AddWithValue("$record_count", (long)stored.RecordCount);
            stored = stored with { Id = (long)insert.ExecuteScalar()! };
        }

        if (records.Count > 0)
        {
            InsertRecords(connection, transaction, stored.Id, records);
        }

        return stored;
    }

    /// <summary>Marks an open draft committed or discarded at <paramref name="at"/>; a discarded draft's records are deleted.</summary>
    /// <exception cref="KeyNotFoundException">There is no draft with the id.</exception>
    /// <exception cref="InvalidOperationException">The draft is not open.</exception>
    public static Draft Decide(SqliteConnection connection, SqliteTransaction transaction, long id, DraftStatus status, DateTimeOffset at)
    {
        var draft = DraftQueries.Draft(connection, transaction, id) ?? throw new KeyNotFoundException($"There is no draft {id}.");
        if (draft.Status != DraftStatus.Open)
        {
            throw new InvalidOperationException($"Draft {id} is already {draft.Status.ToString().ToLowerInvariant()}; only an open draft is committed or discarded.");
        }

        var sql = status == DraftStatus.Discarded
            ? "UPDATE drafts SET status = $status, decided_at = $decided_at WHERE id = $id; DELETE FROM draft_records WHERE draft_id = $id"
            : "UPDATE drafts SET status = $status, decided_at = $decided_at WHERE id = $id";
        using var command = Command(connection, transaction, sql);
        command.Parameters.AddWithValue("$status", (long)status);
        command.Parameters.AddWithValue("$decided_at", at.UtcTicks);
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
        return draft with { Status = status, DecidedAt = at };
    }

    /// <summary>Inserts the records with one statement prepared once, each at its position.</summary>
    private static void InsertRecords(SqliteConnection connection, SqliteTransaction transaction, long draftId, IReadOnlyList<SourceRecord> records)
    {
        using var insert = Command(connection, transaction,
            $"INSERT INTO draft_records (draft_id, position, {SourceRecordRows.RecordColumns}) "
            + "VALUES ($draft, $position, $source, $object, $external_id, $kind, $source_kind, $observed_at, $vals, $company_domain, "
            + "$company_source, $company_object, $company_external_id, $converted_source, $converted_object, $converted_external_id)");
        foreach (var name in new[] { "$draft", "$position", "$kind", "$source_kind", "$observed_at" })
        {
            insert.Parameters.Add(name, SqliteType.Integer);
        }

        foreach (var name in new[] { "$source", "$object", "$external_id", "$company_domain", "$company_source", "$company_object", "$company_external_id",
            "$converted_source", "$converted_object", "$converted_external_id" })
        {
            insert.Parameters.Add(name, SqliteType.Text);
        }

        insert.Parameters.Add("$vals", SqliteType.Blob);
        insert.Prepare();
        var p = insert.Parameters;
        p["$draft"].Value = draftId;
        for (var position = 0; position < records.Count; position++)
        {
            var record = records[position];
            p["$position"].Value = position;
            (p["$source"].Value, p["$object"].Value, p["$external_id"].Value) = (record.Key.Source, record.Key.ObjectName, record.Key.ExternalId);
            p["$kind"].Value = (long)record.Kind;
            p["$source_kind"].Value = (long)record.SourceKind;
            p["$observed_at"].Value = record.ObservedAt is { } observed ? observed.UtcTicks : DBNull.Value;
            p["$vals"].Value = ValueCodec.EncodeValues(record.Values);
            p["$company_domain"].Value = (object?)record.Company?.Domain ?? DBNull.Value;
            BindKey(p, "$company", record.Company?.Account);
            BindKey(p, "$converted", record.ConvertedTo);
            insert.ExecuteNonQuery();
        }
    }

    private static void BindKey(SqliteParameterCollection parameters, string prefix, SourceRecordKey? key)
    {
        parameters[prefix + "_source"].Value = (object?)key?.Source ?? DBNull.Value;
        parameters[prefix + "_object"].Value = (object?)key?.ObjectName ?? DBNull.Value;
        parameters[prefix + "_external_id"].Value = (object?)key?.ExternalId ?? DBNull.Value;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
