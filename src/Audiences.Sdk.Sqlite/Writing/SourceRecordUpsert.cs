using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The statement that stores a source record by its key, and how its parameters are bound.</summary>
internal static class SourceRecordUpsert
{
    public const string Sql = """
        INSERT INTO source_records (source, object, external_id, profile_id, kind, source_kind, observed_at, vals,
            company_domain, company_source, company_object, company_external_id,
            converted_source, converted_object, converted_external_id, aliases, first_version, last_version)
        VALUES ($source, $object, $external_id, $profile_id, $kind, $source_kind, $observed_at, $vals,
            $company_domain, $company_source, $company_object, $company_external_id,
            $converted_source, $converted_object, $converted_external_id, $aliases, $first_version, $last_version)
        ON CONFLICT (source, object, external_id) DO UPDATE SET
            profile_id = excluded.profile_id, kind = excluded.kind, source_kind = excluded.source_kind,
            observed_at = excluded.observed_at, vals = excluded.vals,
            company_domain = excluded.company_domain, company_source = excluded.company_source,
            company_object = excluded.company_object, company_external_id = excluded.company_external_id,
            converted_source = excluded.converted_source, converted_object = excluded.converted_object,
            converted_external_id = excluded.converted_external_id, aliases = excluded.aliases,
            first_version = excluded.first_version, last_version = excluded.last_version
        """;

    public static readonly (string Name, SqliteType Type)[] Parameters =
    [
        ("$source", SqliteType.Text),
        ("$object", SqliteType.Text),
        ("$external_id", SqliteType.Text),
        ("$profile_id", SqliteType.Integer),
        ("$kind", SqliteType.Integer),
        ("$source_kind", SqliteType.Integer),
        ("$observed_at", SqliteType.Integer),
        ("$vals", SqliteType.Blob),
        ("$company_domain", SqliteType.Text),
        ("$company_source", SqliteType.Text),
        ("$company_object", SqliteType.Text),
        ("$company_external_id", SqliteType.Text),
        ("$converted_source", SqliteType.Text),
        ("$converted_object", SqliteType.Text),
        ("$converted_external_id", SqliteType.Text),
        ("$aliases", SqliteType.Blob),
        ("$first_version", SqliteType.Integer),
        ("$last_version", SqliteType.Integer),
    ];

    public static void Bind(SqliteParameterCollection p, StoredSourceRecord source, long profileId)
    {
        var record = source.Record;
        p[0].Value = record.Key.Source;
        p[1].Value = record.Key.ObjectName;
        p[2].Value = record.Key.ExternalId;
        p[3].Value = profileId;
        p[4].Value = (long)record.Kind;
        p[5].Value = (long)record.SourceKind;
        p[6].Value = record.ObservedAt is { } observed ? observed.UtcTicks : DBNull.Value;
        p[7].Value = ValueCodec.EncodeValues(record.Values);
        p[8].Value = (object?)record.Company?.Domain ?? DBNull.Value;
        BindKey(p, 9, record.Company?.Account);
        BindKey(p, 12, record.ConvertedTo);
        p[15].Value = ValueCodec.EncodeAliases(source.Aliases);
        p[16].Value = source.FirstSeenVersion;
        p[17].Value = source.LastChangedVersion;
    }

    private static void BindKey(SqliteParameterCollection p, int first, SourceRecordKey? key)
    {
        p[first].Value = (object?)key?.Source ?? DBNull.Value;
        p[first + 1].Value = (object?)key?.ObjectName ?? DBNull.Value;
        p[first + 2].Value = (object?)key?.ExternalId ?? DBNull.Value;
    }
}
