namespace Audiences.Sdk.Sqlite.Schema;

// The SQL of the signal step; the list of steps is in SchemaMigrations.cs.
internal static partial class SchemaMigrations
{
    // Signal names are unique regardless of case: name_key and signal_key are the upper-cased name (SQLite's NOCASE
    // folds ASCII only). A definition is its versioned JSON (SignalDefinitionJson). Runs and checks are keyed by the
    // name, not the definition, so they outlive its edits; run ids come from AUTOINCREMENT, so an id is never handed
    // out again. Times are UTC ticks. Credits are decimal text in the invariant culture, so they read back exactly,
    // scale included. A run's errors are a JSON array (SignalErrorListCodec). A check row says how far one signal has
    // checked one profile; recording a check again replaces it.
    private const string Signals = """
        CREATE TABLE signal_definitions (
            name_key TEXT PRIMARY KEY,
            definition TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE signal_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            signal_key TEXT NOT NULL,
            signal TEXT NOT NULL,
            triggered_by INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            status INTEGER NOT NULL,
            finished_at INTEGER,
            checked INTEGER NOT NULL,
            fired INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            credits TEXT NOT NULL,
            errors BLOB NOT NULL,
            failure TEXT);
        CREATE INDEX signal_runs_by_signal ON signal_runs (signal_key, id);

        CREATE TABLE signal_checks (
            signal_key TEXT NOT NULL,
            profile_id INTEGER NOT NULL,
            checked_until INTEGER NOT NULL,
            PRIMARY KEY (signal_key, profile_id)) WITHOUT ROWID;
        """;
}
