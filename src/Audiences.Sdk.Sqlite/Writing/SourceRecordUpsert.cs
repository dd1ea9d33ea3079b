using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;
using Audiences.Sdk.Sqlite.Storage;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The statement that stores a source record by its key, and how its parameters are bound.</summary>
internal static class SourceRecordUpsert
{
    public const string Sql = """
        INSERT INTO source_records (source, object, external_id, profile_id, kind, source_kind, observed_at, vals,
            company_domain, company_source, company_object, company_external_id,
            converted_source, converted_object, converted_external_id, aliases, first_version, last_version, fingerprint)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
        ON CONFLICT (source, object, external_id) DO UPDATE SET
            profile_id = excluded.profile_id, kind = excluded.kind, source_kind = excluded.source_kind,
            observed_at = excluded.observed_at, vals = excluded.vals,
            company_domain = excluded.company_domain, company_source = excluded.company_source,
            company_object = excluded.company_object, company_external_id = excluded.company_external_id,
            converted_source = excluded.converted_source, converted_object = excluded.converted_object,
            converted_external_id = excluded.converted_external_id, aliases = excluded.aliases,
            first_version = excluded.first_version, last_version = excluded.last_version,
            fingerprint = excluded.fingerprint
        """;

    public static void Bind(RawStatement statement, StoredSourceRecord source, long profileId)
    {
        var record = source.Record;
        statement.Bind(1, record.Key.Source);
        statement.Bind(2, record.Key.ObjectName);
        statement.Bind(3, record.Key.ExternalId);
        statement.Bind(4, profileId);
        statement.Bind(5, (long)record.Kind);
        statement.Bind(6, (long)record.SourceKind);
        statement.Bind(7, record.ObservedAt?.UtcTicks);
        statement.Bind(8, ValueCodec.EncodeValuesInPlace(record.Values));
        statement.Bind(9, record.Company?.Domain);
        BindKey(statement, 10, record.Company?.Account);
        BindKey(statement, 13, record.ConvertedTo);
        statement.Bind(16, ValueCodec.EncodeAliasesInPlace(source.Aliases));
        statement.Bind(17, source.FirstSeenVersion);
        statement.Bind(18, source.LastChangedVersion);
        Span<byte> fingerprint = stackalloc byte[SourceRecordFingerprint.Size];
        SourceRecordFingerprint.Of(source).WriteTo(fingerprint);
        statement.Bind(19, fingerprint);
    }

    private static void BindKey(RawStatement statement, int first, SourceRecordKey? key)
    {
        statement.Bind(first, key?.Source);
        statement.Bind(first + 1, key?.ObjectName);
        statement.Bind(first + 2, key?.ExternalId);
    }
}
