namespace Audiences.Sdk.Sqlite.Schema;

// The SQL of the steps after the audiences; the list of steps is in SchemaMigrations.cs.
internal static partial class SchemaMigrations
{
    // Sync names are unique regardless of case, as definitions are found: name_key and sync_key are the upper-cased
    // name. A definition is its versioned JSON (SyncDefinitionJson). A cursor is written in the profile write session
    // of the batch it follows. Run ids come from AUTOINCREMENT, so an id is never handed out again after a sync's runs
    // are deleted; a sync's runs are read newest first by (sync_key, id), and a start looks for the sync's running
    // runs (status 1) through a partial index. A run's errors are a JSON array of strings. A draft's records keep the
    // columns of source_records that describe the record (values as ValueCodec writes them), in the order found.
    private const string SyncsAndDrafts = """
        CREATE TABLE sync_definitions (
            name_key TEXT PRIMARY KEY,
            definition TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE sync_cursors (
            sync_key TEXT PRIMARY KEY,
            cursor TEXT) WITHOUT ROWID;

        CREATE TABLE sync_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sync_key TEXT NOT NULL,
            sync TEXT NOT NULL,
            mode INTEGER NOT NULL,
            triggered_by INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            status INTEGER NOT NULL,
            finished_at INTEGER,
            read INTEGER NOT NULL,
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            unchanged INTEGER NOT NULL,
            merged INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            related INTEGER NOT NULL,
            deleted INTEGER NOT NULL,
            queued INTEGER NOT NULL,
            errors BLOB NOT NULL,
            failure TEXT,
            cursor_before TEXT,
            cursor_after TEXT);
        CREATE INDEX sync_runs_by_sync ON sync_runs (sync_key, id);
        CREATE INDEX sync_runs_running ON sync_runs (sync_key) WHERE status = 1;

        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind INTEGER NOT NULL,
            provider TEXT NOT NULL,
            query TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            status INTEGER NOT NULL,
            decided_at INTEGER,
            record_count INTEGER NOT NULL);

        CREATE TABLE draft_records (
            draft_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            source TEXT NOT NULL,
            object TEXT NOT NULL,
            external_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            source_kind INTEGER NOT NULL,
            observed_at INTEGER,
            vals BLOB NOT NULL,
            company_domain TEXT,
            company_source TEXT,
            company_object TEXT,
            company_external_id TEXT,
            converted_source TEXT,
            converted_object TEXT,
            converted_external_id TEXT,
            PRIMARY KEY (draft_id, position)) WITHOUT ROWID;
        """;
}
