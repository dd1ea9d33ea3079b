using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The write session's statement that saves a sync's cursor in the session's transaction, prepared on first use.</summary>
internal sealed class SyncCursorStatement(CommandSet commands)
{
    private SqliteCommand? _save;

    public void Save(string sync, string? cursor)
    {
        _save ??= commands.Prepare(
            "INSERT INTO sync_cursors (sync_key, cursor) VALUES ($key, $cursor) ON CONFLICT (sync_key) DO UPDATE SET cursor = excluded.cursor",
            ("$key", SqliteType.Text),
            ("$cursor", SqliteType.Text));
        _save.Parameters[0].Value = SyncQueries.Key(sync);
        _save.Parameters[1].Value = (object?)cursor ?? DBNull.Value;
        _save.ExecuteNonQuery();
    }
}
