using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Schema;

/// <summary>Stores the fingerprint of every source record of a database written before fingerprints were kept.</summary>
/// <remarks>
/// Without it, an unchanged record of such a database would never get one (an unchanged record is not written),
/// so every re-import of it would load its profile.
/// </remarks>
internal static class FingerprintBackfill
{
    /// <summary>Computes and stores the fingerprints, in the migration's transaction.</summary>
    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"SELECT id, {SourceRecordRows.Columns} FROM source_records ORDER BY id";
        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "UPDATE source_records SET fingerprint = $fingerprint WHERE id = $id";
        var id = write.Parameters.Add("$id", SqliteType.Integer);
        var fingerprint = write.Parameters.Add("$fingerprint", SqliteType.Blob);
        var bytes = new byte[SourceRecordFingerprint.Size];
        using var row = read.ExecuteReader();
        while (row.Read())
        {
            SourceRecordFingerprint.Of(SourceRecordRows.Read(row, 1)).WriteTo(bytes);
            id.Value = row.GetInt64(0);
            fingerprint.Value = bytes;
            write.ExecuteNonQuery();
        }
    }
}
