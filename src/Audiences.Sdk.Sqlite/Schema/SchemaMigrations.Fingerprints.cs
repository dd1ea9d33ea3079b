namespace Audiences.Sdk.Sqlite.Schema;

// The SQL of the fingerprint step; the list of steps is in SchemaMigrations.cs.
internal static partial class SchemaMigrations
{
    // A source record's fingerprint (SourceRecordFingerprint, 16 bytes) lets an import see that an incoming
    // record changes nothing without loading its profile. The step computes those of the records already
    // stored (FingerprintBackfill); a NULL fingerprint would only make the import compare that record in full.
    private const string Fingerprints = """
        ALTER TABLE source_records ADD COLUMN fingerprint BLOB;
        """;
}
