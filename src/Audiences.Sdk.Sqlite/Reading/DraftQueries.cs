using Audiences.Sdk.Drafts;
using Audiences.Sdk.Profiles;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Reads of drafts and their records, on a reader's snapshot or inside a write's transaction.</summary>
internal static class DraftQueries
{
    private const string Columns = "id, kind, provider, query, created_at, status, decided_at, record_count";

    /// <summary>A draft, or null.</summary>
    public static Draft? Draft(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, $"SELECT {Columns} FROM drafts WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return Read(command).SingleOrDefault();
    }

    /// <summary>Every draft, newest first.</summary>
    public static List<Draft> Drafts(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction, $"SELECT {Columns} FROM drafts ORDER BY id DESC");
        return Read(command);
    }

    /// <summary>A draft's records in the order found, or null when there is no such draft.</summary>
    public static List<SourceRecord>? Records(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using (var exists = Command(connection, transaction, "SELECT 1 FROM drafts WHERE id = $id"))
        {
            exists.Parameters.AddWithValue("$id", id);
            if (exists.ExecuteScalar() is null)
            {
                return null;
            }
        }

        using var command = Command(connection, transaction,
            $"SELECT {SourceRecordRows.RecordColumns} FROM draft_records WHERE draft_id = $id ORDER BY position");
        command.Parameters.AddWithValue("$id", id);
        using var row = command.ExecuteReader();
        var records = new List<SourceRecord>();
        while (row.Read())
        {
            records.Add(SourceRecordRows.ReadRecord(row, 0));
        }

        return records;
    }

    private static List<Draft> Read(SqliteCommand command)
    {
        using var row = command.ExecuteReader();
        var drafts = new List<Draft>();
        while (row.Read())
        {
            drafts.Add(new Draft(row.GetInt64(0), (EntityKind)row.GetInt32(1), row.GetString(2), row.GetString(3), new DateTimeOffset(row.GetInt64(4), TimeSpan.Zero))
            {
                Status = (DraftStatus)row.GetInt32(5),
                DecidedAt = SourceRecordRows.Time(row, 6),
                RecordCount = row.GetInt32(7),
            });
        }

        return drafts;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
