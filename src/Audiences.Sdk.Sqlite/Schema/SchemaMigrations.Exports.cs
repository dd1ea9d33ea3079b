namespace Audiences.Sdk.Sqlite.Schema;

// The SQL of the export step; the list of steps is in SchemaMigrations.cs.
internal static partial class SchemaMigrations
{
    // Export names are unique regardless of case: name_key and export_key are the upper-cased name (SQLite's NOCASE
    // folds ASCII only). A definition is its versioned JSON (ExportDefinitionJson). Runs, checkpoints, outcomes and
    // failures are keyed by the name, not the definition, so they outlive its edits and removal; run ids come from
    // AUTOINCREMENT, so an id is never handed out again. Times are UTC ticks. A run is started only while no run of its
    // export is running: the partial index holds just the running runs (status 1), so that check reads a handful of
    // rows whatever the history. An outcome row is one record's outcome in one run, read back in rowid order (the
    // order recorded); a failure row is the last failed write of one record, replaced or deleted by its next outcome.
    private const string Exports = """
        CREATE TABLE export_definitions (
            name_key TEXT PRIMARY KEY,
            definition TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE export_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            export_key TEXT NOT NULL,
            export TEXT NOT NULL,
            triggered_by INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            status INTEGER NOT NULL,
            finished_at INTEGER,
            full INTEGER NOT NULL,
            sent INTEGER NOT NULL,
            succeeded INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            created INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            removed INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            failure TEXT);
        CREATE INDEX export_runs_by_export ON export_runs (export_key, id);
        CREATE INDEX export_runs_running ON export_runs (export_key, started_at) WHERE status = 1;

        CREATE TABLE export_checkpoints (
            export_key TEXT PRIMARY KEY,
            export TEXT NOT NULL,
            profile_version INTEGER NOT NULL,
            membership_sequence INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            at INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE export_outcomes (
            id INTEGER PRIMARY KEY,
            export_key TEXT NOT NULL,
            run_id INTEGER NOT NULL,
            profile_id INTEGER NOT NULL,
            key TEXT,
            kind INTEGER NOT NULL,
            reason TEXT,
            attempt INTEGER NOT NULL,
            retry_at INTEGER);
        CREATE INDEX export_outcomes_by_run ON export_outcomes (export_key, run_id, id);

        CREATE TABLE export_failures (
            export_key TEXT NOT NULL,
            profile_id INTEGER NOT NULL,
            key TEXT,
            reason TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            last_attempt_at INTEGER NOT NULL,
            retry_at INTEGER,
            PRIMARY KEY (export_key, profile_id)) WITHOUT ROWID;
        """;
}
