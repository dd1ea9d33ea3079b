namespace Audiences.Sdk.Sqlite.Schema;

/// <summary>
/// The schema, as the ordered list of steps that build it. A released step is never edited:
/// a change is a new step at the end.
/// </summary>
internal static partial class SchemaMigrations
{
    /// <summary>Every step, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "profiles, source records, aliases, merges, field catalog, related records", Initial),
        new(2, "records moved by each merge, match probability, split ledger, match review queue", Splits),
        new(3, "filterable profile values: one typed row per value, text folded, keyed by field and profile", ProfileValues, ProfileValueBackfill.Run),
        new(4, "change detection by version, audiences, memberships, archive, membership change feed", Audiences),
        new(5, "sync definitions, cursors and run history; drafts and their records", SyncsAndDrafts),
        new(6, "credit budgets, reservations and spend entries", Credits),
        new(7, "enrichment definitions, run history and run outputs", Enrichment),
        new(8, "signal definitions, run history and per-record checks", Signals),
        new(9, "export definitions, run history, checkpoints, per-record outcomes and failures", Exports),
        new(10, "source record fingerprints, so unchanged records are skipped without loading their profile", Fingerprints, FingerprintBackfill.Run),
    ];

    /// <summary>The newest version this code knows.</summary>
    public static int Latest => All[^1].Version;

    // Values are JSON (see ValueCodec) kept as UTF-8 BLOBs; times are UTC ticks; ids and versions
    // are integers. A profile's vals is NULL when its current values are exactly those its single
    // source record gives (see ProfileWriter): they are then not stored twice. An alias row is keyed
    // by the alias's hash (see AliasHash); the profile row's alias list says which aliases it holds. Indexes exist only for the lookups the store makes: alias and source-key
    // matching, loading a profile's sources, listing by kind, redirects and related owners.
    private const string Initial = """
        CREATE TABLE meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_version INTEGER NOT NULL,
            next_profile_id INTEGER NOT NULL);
        INSERT INTO meta (id, last_version, next_profile_id) VALUES (1, 0, 1);

        CREATE TABLE profiles (
            id INTEGER PRIMARY KEY,
            kind INTEGER NOT NULL,
            version INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            aliases BLOB NOT NULL,
            vals BLOB);
        CREATE INDEX profiles_by_kind ON profiles (kind, id);

        CREATE TABLE merged_ids (
            merged_id INTEGER PRIMARY KEY,
            survivor_id INTEGER NOT NULL);
        CREATE INDEX merged_ids_by_survivor ON merged_ids (survivor_id);

        CREATE TABLE source_records (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            object TEXT NOT NULL,
            external_id TEXT NOT NULL,
            profile_id INTEGER NOT NULL,
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
            aliases BLOB NOT NULL,
            first_version INTEGER NOT NULL,
            last_version INTEGER NOT NULL);
        CREATE UNIQUE INDEX source_records_by_key ON source_records (source, object, external_id);
        CREATE INDEX source_records_by_profile ON source_records (profile_id);

        CREATE TABLE aliases (
            key INTEGER NOT NULL,
            profile_id INTEGER NOT NULL,
            PRIMARY KEY (key, profile_id)) WITHOUT ROWID;

        CREATE TABLE merges (
            id INTEGER PRIMARY KEY,
            version INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            survivor_id INTEGER NOT NULL,
            merged_id INTEGER NOT NULL,
            alias_field TEXT,
            alias_value TEXT,
            caused_source TEXT NOT NULL,
            caused_object TEXT NOT NULL,
            caused_external_id TEXT NOT NULL,
            merged_at INTEGER NOT NULL);
        CREATE INDEX merges_by_kind ON merges (kind, version, id);

        CREATE TABLE fields (
            kind INTEGER NOT NULL,
            key TEXT NOT NULL,
            type INTEGER NOT NULL,
            origin TEXT NOT NULL,
            display_name TEXT NOT NULL,
            description TEXT,
            cost_per_record TEXT,
            export_status INTEGER NOT NULL,
            PRIMARY KEY (kind, key)) WITHOUT ROWID;

        CREATE TABLE related_records (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            object TEXT NOT NULL,
            external_id TEXT NOT NULL,
            type TEXT NOT NULL,
            owner_kind INTEGER NOT NULL,
            owner_source TEXT,
            owner_object TEXT,
            owner_external_id TEXT,
            owner_alias_field TEXT,
            owner_alias_value TEXT,
            vals BLOB NOT NULL,
            observed_at INTEGER);
        CREATE UNIQUE INDEX related_records_by_key ON related_records (source, object, external_id);
        CREATE INDEX related_records_by_owner_record ON related_records (owner_kind, owner_source, owner_object, owner_external_id);
        CREATE INDEX related_records_by_owner_alias ON related_records (owner_kind, owner_alias_field, owner_alias_value);
        """;

    // A merge keeps the keys of the records it moved (so an undo can move them back) and, when
    // probabilistic matching found it, the pair's probability; merges stored before this step
    // have no record list and cannot be undone. A split keeps both sides as key lists. A review's
    // id is the change version it was queued at; its evidence is a JSON array (see MatchEvidenceCodec).
    private const string Splits = """
        ALTER TABLE merges ADD COLUMN merged_records BLOB;
        ALTER TABLE merges ADD COLUMN match_probability REAL;
        ALTER TABLE merges ADD COLUMN merged_created_at INTEGER;

        CREATE TABLE splits (
            id INTEGER PRIMARY KEY,
            version INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            survivor_id INTEGER NOT NULL,
            restored_id INTEGER NOT NULL,
            merge_version INTEGER NOT NULL,
            restored_records BLOB NOT NULL,
            remaining_records BLOB NOT NULL,
            split_at INTEGER NOT NULL);
        CREATE INDEX splits_by_kind ON splits (kind, version, id);

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            kind INTEGER NOT NULL,
            left_source TEXT NOT NULL,
            left_object TEXT NOT NULL,
            left_external_id TEXT NOT NULL,
            right_source TEXT NOT NULL,
            right_object TEXT NOT NULL,
            right_external_id TEXT NOT NULL,
            probability REAL NOT NULL,
            weight REAL NOT NULL,
            evidence BLOB NOT NULL,
            found_at INTEGER NOT NULL,
            status INTEGER NOT NULL,
            decided_at INTEGER);
        CREATE INDEX reviews_by_status ON reviews (kind, status, id);
        """;

    // Filters run on a typed copy of every live profile's current values, written with the profile
    // (see ProfileValueRows): the vals blob is JSON and may be derived from a source record on
    // read, so SQL cannot compare it. A row per value, per item of a list; type is the FieldType
    // (a list item is Text); value is folded text (FilterText.Fold, since SQLite folds ASCII only),
    // a REAL number, ticks of a UTC date-time or 0/1. The column has no declared type, so each
    // value keeps its storage class. The one B-tree is keyed by field, then profile: profile ids
    // grow, so a new profile's rows append at the end of each field's range, and a condition reads
    // one field's range in profile order. The writer changes a profile's rows by exact key, from
    // the values it had. There is no index by value: a condition reads its field's range.
    private const string ProfileValues = """
        CREATE TABLE value_fields (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE);

        CREATE TABLE profile_values (
            field INTEGER NOT NULL,
            profile_id INTEGER NOT NULL,
            type INTEGER NOT NULL,
            value NOT NULL,
            PRIMARY KEY (field, profile_id, type, value)) WITHOUT ROWID;
        """;

    // Change detection reads profiles by version and retirements from the merge ledger by version.
    // An audience's filter is its versioned JSON (FilterJson); name_key is the upper-cased name, so
    // names are unique regardless of case. A member row is a profile the filter matches; archived
    // ones stay in the table with archived = 1. The change feed's sequence is its checkpoint; the
    // single audience_meta row holds the id and sequence counters and the last profile version that
    // membership has been brought up to.
    private const string Audiences = """
        CREATE INDEX profiles_by_version ON profiles (version);
        CREATE INDEX merges_by_version ON merges (version);

        CREATE TABLE audience_meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            next_audience_id INTEGER NOT NULL,
            last_sequence INTEGER NOT NULL,
            processed_version INTEGER NOT NULL);
        INSERT INTO audience_meta (id, next_audience_id, last_sequence, processed_version) VALUES (1, 1, 0, 0);

        CREATE TABLE audiences (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            kind INTEGER NOT NULL,
            filter TEXT NOT NULL,
            status INTEGER NOT NULL,
            visibility INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            parent_id INTEGER,
            revision INTEGER NOT NULL);
        CREATE UNIQUE INDEX audiences_by_name ON audiences (name_key);

        CREATE TABLE audience_members (
            audience_id INTEGER NOT NULL,
            profile_id INTEGER NOT NULL,
            archived INTEGER NOT NULL,
            PRIMARY KEY (audience_id, profile_id)) WITHOUT ROWID;
        CREATE INDEX audience_members_by_profile ON audience_members (profile_id, audience_id);

        CREATE TABLE membership_changes (
            sequence INTEGER PRIMARY KEY,
            audience_id INTEGER NOT NULL,
            profile_id INTEGER NOT NULL,
            change INTEGER NOT NULL,
            at INTEGER NOT NULL,
            profile_version INTEGER NOT NULL,
            active INTEGER NOT NULL);
        """;
}
