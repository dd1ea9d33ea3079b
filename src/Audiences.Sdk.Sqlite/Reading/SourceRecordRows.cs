using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Reads stored source records and orders them the way profiles list them.</summary>
internal static class SourceRecordRows
{
    /// <summary>The columns that describe a record, which <see cref="ReadRecord"/> expects, in order (a draft's records have these only).</summary>
    public const string RecordColumns =
        "source, object, external_id, kind, source_kind, observed_at, vals, company_domain, company_source, company_object, "
        + "company_external_id, converted_source, converted_object, converted_external_id";

    /// <summary>The columns <see cref="Read"/> expects, in order: the record's, then what the store keeps with it.</summary>
    public const string Columns = RecordColumns + ", aliases, first_version, last_version";

    /// <summary>Oldest first: by the version that first stored the record, then by the key's text (ordinal).</summary>
    public static Comparison<StoredSourceRecord> Order { get; } = (left, right) =>
    {
        var byVersion = left.FirstSeenVersion.CompareTo(right.FirstSeenVersion);
        return byVersion != 0 ? byVersion : string.CompareOrdinal(left.Key.ToString(), right.Key.ToString());
    };

    /// <summary>Compares keys by source, object and external id, ordinally.</summary>
    public static int CompareKeys(SourceRecordKey left, SourceRecordKey right)
    {
        var result = string.CompareOrdinal(left.Source, right.Source);
        if (result == 0)
        {
            result = string.CompareOrdinal(left.ObjectName, right.ObjectName);
        }

        return result != 0 ? result : string.CompareOrdinal(left.ExternalId, right.ExternalId);
    }

    /// <summary>Reads the record whose <see cref="Columns"/> start at column <paramref name="first"/>.</summary>
    public static StoredSourceRecord Read(SqliteDataReader row, int first)
    {
        var record = ReadRecord(row, first);
        var aliases = ValueCodec.DecodeAliases(Blob(row, first + 14));
        return new StoredSourceRecord(record, aliases, row.GetInt64(first + 15), row.GetInt64(first + 16));
    }

    /// <summary>Reads the record whose <see cref="RecordColumns"/> start at column <paramref name="first"/>.</summary>
    public static SourceRecord ReadRecord(SqliteDataReader row, int first)
    {
        var key = new SourceRecordKey(row.GetString(first), row.GetString(first + 1), row.GetString(first + 2));
        var values = ValueCodec.DecodeValues(Blob(row, first + 6));
        return new SourceRecord(key, (EntityKind)row.GetInt32(first + 3), (SourceKind)row.GetInt32(first + 4), values)
        {
            ObservedAt = Time(row, first + 5),
            Company = CompanyLink(row, first + 7),
            ConvertedTo = Key(row, first + 11),
        };
    }

    /// <summary>A UTC time stored as ticks, or null.</summary>
    public static DateTimeOffset? Time(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : new DateTimeOffset(row.GetInt64(ordinal), TimeSpan.Zero);

    /// <summary>A key stored in three text columns, or null.</summary>
    public static SourceRecordKey? Key(SqliteDataReader row, int first) =>
        row.IsDBNull(first) ? null : new SourceRecordKey(row.GetString(first), row.GetString(first + 1), row.GetString(first + 2));

    /// <summary>
    /// A profile's stored current values, or null when it stores none because they are those its
    /// single source record gives (derive them with <see cref="Survivorship.Derive"/>).
    /// </summary>
    public static Dictionary<string, ProfileValue>? StoredValues(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : ProfileValueCodec.Decode(Blob(row, ordinal));

    /// <summary>A BLOB column's bytes.</summary>
    public static byte[] Blob(SqliteDataReader row, int ordinal) => row.GetFieldValue<byte[]>(ordinal);

    private static CompanyLink? CompanyLink(SqliteDataReader row, int first)
    {
        if (!row.IsDBNull(first))
        {
            return Profiles.CompanyLink.ByDomain(row.GetString(first));
        }

        return Key(row, first + 1) is { } account ? Profiles.CompanyLink.ByAccount(account) : null;
    }
}
