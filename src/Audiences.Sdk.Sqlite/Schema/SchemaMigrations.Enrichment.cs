namespace Audiences.Sdk.Sqlite.Schema;

// The SQL of the enrichment step; the list of steps is in SchemaMigrations.cs.
internal static partial class SchemaMigrations
{
    // Enrichment names are unique regardless of case: name_key and enrichment_key are the upper-cased name. A
    // definition is its versioned JSON (EnrichmentDefinitionJson). Runs are keyed by the name, not the definition,
    // so they outlive its edits; their ids come from AUTOINCREMENT, so an id is never handed out again after runs
    // are deleted. Credits are decimal text in the invariant culture, so they read back exactly, scale included.
    // A run's errors (with its warnings and held-back count, when it has them) are JSON (EnrichmentErrorListCodec). An output's values are written as ValueCodec writes
    // source record values; outputs are read by run in append order (their id), and a look-up reads a profile's
    // outputs by (profile_id, id), the last one winning.
    private const string Enrichment = """
        CREATE TABLE enrichment_definitions (
            name_key TEXT PRIMARY KEY,
            definition TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE enrichment_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            enrichment_key TEXT NOT NULL,
            enrichment TEXT NOT NULL,
            triggered_by INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            status INTEGER NOT NULL,
            finished_at INTEGER,
            processed INTEGER NOT NULL,
            written INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            gated INTEGER NOT NULL,
            credits TEXT NOT NULL,
            errors BLOB NOT NULL,
            failure TEXT);
        CREATE INDEX enrichment_runs_by_enrichment ON enrichment_runs (enrichment_key, id);

        CREATE TABLE enrichment_outputs (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL,
            profile_id INTEGER NOT NULL,
            outcome INTEGER NOT NULL,
            vals BLOB NOT NULL,
            provider TEXT,
            credits TEXT NOT NULL,
            error TEXT,
            inputs_hash TEXT NOT NULL);
        CREATE INDEX enrichment_outputs_by_run ON enrichment_outputs (run_id, id);
        CREATE INDEX enrichment_outputs_by_profile ON enrichment_outputs (profile_id, id);
        """;
}
