using System.Globalization;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Reads of the merge ledger, the field catalog, field fill counts, related records and the meta row.</summary>
internal static class LedgerQueries
{
    /// <summary>Merges per page when streaming the ledger.</summary>
    public const int MergePageSize = 1000;

    public static long LastVersion(ReadScope scope)
    {
        using var command = scope.Command("SELECT last_version FROM meta WHERE id = 1");
        return (long)command.ExecuteScalar()!;
    }

    public static long CountProfiles(ReadScope scope, EntityKind kind)
    {
        using var command = scope.Command("SELECT COUNT(*) FROM profiles WHERE kind = $kind");
        command.Parameters.AddWithValue("$kind", (long)kind);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The merges of a kind after the (version, row) position, in ledger order.</summary>
    public static List<(MergeRecord Merge, long Row)> MergePage(ReadScope scope, EntityKind kind, long afterVersion, long afterRow)
    {
        using var command = scope.Command(
            "SELECT version, survivor_id, merged_id, alias_field, alias_value, caused_source, caused_object, caused_external_id, merged_at, id, "
            + "merged_records, match_probability, merged_created_at FROM merges WHERE kind = $kind AND (version > $version OR (version = $version AND id > $row)) ORDER BY version, id LIMIT $limit");
        command.Parameters.AddWithValue("$kind", (long)kind);
        command.Parameters.AddWithValue("$version", afterVersion);
        command.Parameters.AddWithValue("$row", afterRow);
        command.Parameters.AddWithValue("$limit", MergePageSize);
        using var row = command.ExecuteReader();
        var page = new List<(MergeRecord, long)>();
        while (row.Read())
        {
            AliasKey? alias = row.IsDBNull(3) ? null : new AliasKey(row.GetString(3), row.GetString(4));
            var merge = new MergeRecord(
                row.GetInt64(0),
                kind,
                new ProfileId(row.GetInt64(1)),
                new ProfileId(row.GetInt64(2)),
                alias,
                new SourceRecordKey(row.GetString(5), row.GetString(6), row.GetString(7)),
                new DateTimeOffset(row.GetInt64(8), TimeSpan.Zero))
            {
                MergedRecords = row.IsDBNull(10) ? [] : SourceKeyListCodec.Decode(SourceRecordRows.Blob(row, 10)),
                MatchProbability = row.IsDBNull(11) ? null : row.GetDouble(11),
                MergedCreatedAt = row.IsDBNull(12) ? null : new DateTimeOffset(row.GetInt64(12), TimeSpan.Zero),
            };
            page.Add((merge, row.GetInt64(9)));
        }

        return page;
    }

    /// <summary>Every split of a kind, in ledger order (splits are manual, so the list stays short).</summary>
    public static List<SplitRecord> Splits(ReadScope scope, EntityKind kind)
    {
        using var command = scope.Command(
            "SELECT version, survivor_id, restored_id, merge_version, restored_records, remaining_records, split_at "
            + "FROM splits WHERE kind = $kind ORDER BY version, id");
        command.Parameters.AddWithValue("$kind", (long)kind);
        using var row = command.ExecuteReader();
        var splits = new List<SplitRecord>();
        while (row.Read())
        {
            splits.Add(new SplitRecord(
                row.GetInt64(0),
                kind,
                new ProfileId(row.GetInt64(1)),
                new ProfileId(row.GetInt64(2)),
                row.GetInt64(3),
                SourceKeyListCodec.Decode(SourceRecordRows.Blob(row, 4)),
                SourceKeyListCodec.Decode(SourceRecordRows.Blob(row, 5)),
                new DateTimeOffset(row.GetInt64(6), TimeSpan.Zero)));
        }

        return splits;
    }

    private const string ReviewColumns =
        "id, kind, left_source, left_object, left_external_id, right_source, right_object, right_external_id, probability, weight, evidence, found_at, status, decided_at";

    /// <summary>The reviews of a kind after <paramref name="afterId"/>, in id order, optionally with one status.</summary>
    public static List<MatchReview> ReviewPage(ReadScope scope, EntityKind kind, ReviewStatus? status, long afterId)
    {
        using var command = scope.Command(
            $"SELECT {ReviewColumns} FROM reviews WHERE kind = $kind AND ($status IS NULL OR status = $status) AND id > $after ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$kind", (long)kind);
        command.Parameters.AddWithValue("$status", status is { } value ? (long)value : DBNull.Value);
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$limit", MergePageSize);
        return ReadReviews(command);
    }

    /// <summary>One review by id, or null.</summary>
    public static MatchReview? Review(ReadScope scope, long id)
    {
        using var command = scope.Command($"SELECT {ReviewColumns} FROM reviews WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return ReadReviews(command).SingleOrDefault();
    }

    private static List<MatchReview> ReadReviews(SqliteCommand command)
    {
        using var row = command.ExecuteReader();
        var reviews = new List<MatchReview>();
        while (row.Read())
        {
            reviews.Add(new MatchReview(
                row.GetInt64(0),
                (EntityKind)row.GetInt32(1),
                new SourceRecordKey(row.GetString(2), row.GetString(3), row.GetString(4)),
                new SourceRecordKey(row.GetString(5), row.GetString(6), row.GetString(7)),
                row.GetDouble(8),
                row.GetDouble(9),
                MatchEvidenceCodec.Decode(SourceRecordRows.Blob(row, 10)),
                new DateTimeOffset(row.GetInt64(11), TimeSpan.Zero))
            {
                Status = (ReviewStatus)row.GetInt32(12),
                DecidedAt = row.IsDBNull(13) ? null : new DateTimeOffset(row.GetInt64(13), TimeSpan.Zero),
            });
        }

        return reviews;
    }

    /// <summary>The field catalog of a kind, ordered by key (ordinal).</summary>
    public static List<FieldDefinition> Fields(ReadScope scope, EntityKind kind)
    {
        using var command = scope.Command(
            "SELECT key, type, origin, display_name, description, cost_per_record, export_status FROM fields WHERE kind = $kind");
        command.Parameters.AddWithValue("$kind", (long)kind);
        using var row = command.ExecuteReader();
        var fields = new List<FieldDefinition>();
        while (row.Read())
        {
            fields.Add(new FieldDefinition(row.GetString(0), kind, (FieldType)row.GetInt32(1), row.GetString(2))
            {
                DisplayName = row.GetString(3),
                Description = row.IsDBNull(4) ? null : row.GetString(4),
                CostPerRecord = row.IsDBNull(5) ? null : decimal.Parse(row.GetString(5), NumberStyles.Number, CultureInfo.InvariantCulture),
                ExportStatus = (FieldExportStatus)row.GetInt32(6),
            });
        }

        // Sorted here rather than by SQLite, whose byte order differs from .NET's ordinal order beyond the BMP.
        fields.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
        return fields;
    }

    /// <summary>For each field, the number of live profiles of the kind with a non-empty current value.</summary>
    public static Dictionary<string, long> FilledCounts(ReadScope scope, EntityKind kind)
    {
        // The current values live in one JSON object per profile (see ProfileValueCodec), or, for
        // a profile that stores none, are the non-empty values of its single source record; SQLite
        // counts their keys without the rows leaving the database.
        using var command = scope.Command(
            "SELECT key, COUNT(*) FROM ("
            + "SELECT j.key AS key FROM profiles p, json_each(CAST(p.vals AS TEXT), '$.v') j "
            + "WHERE p.kind = $kind AND p.vals IS NOT NULL AND json_type(j.value, '$[0]') <> 'null' "
            + "UNION ALL SELECT j.key AS key FROM profiles p JOIN source_records s ON s.profile_id = p.id, json_each(CAST(s.vals AS TEXT)) j "
            + "WHERE p.kind = $kind AND p.vals IS NULL AND j.type <> 'null') GROUP BY key");
        command.Parameters.AddWithValue("$kind", (long)kind);
        using var row = command.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (row.Read())
        {
            counts[row.GetString(0)] = row.GetInt64(1);
        }

        return counts;
    }

    /// <summary>The related records of a kind owned through any of the records or aliases, ordered by key.</summary>
    private const string RelatedColumns =
        "source, object, external_id, type, owner_source, owner_object, owner_external_id, owner_alias_field, owner_alias_value, vals, observed_at";

    public static List<RelatedRecord> Related(
        ReadScope scope, EntityKind ownerKind, IReadOnlyCollection<SourceRecordKey> ownerRecords, IReadOnlyCollection<AliasKey> ownerAliases)
    {
        var found = new Dictionary<SourceRecordKey, RelatedRecord>();
        using var byRecord = scope.Command($"SELECT {RelatedColumns} FROM related_records WHERE owner_kind = $kind "
            + "AND owner_source = $source AND owner_object = $object AND owner_external_id = $external_id");
        byRecord.Parameters.AddWithValue("$kind", (long)ownerKind);
        var source = byRecord.Parameters.Add("$source", SqliteType.Text);
        var objectName = byRecord.Parameters.Add("$object", SqliteType.Text);
        var externalId = byRecord.Parameters.Add("$external_id", SqliteType.Text);
        foreach (var owner in ownerRecords)
        {
            (source.Value, objectName.Value, externalId.Value) = (owner.Source, owner.ObjectName, owner.ExternalId);
            CollectRelated(byRecord, ownerKind, found);
        }

        using var byAlias = scope.Command($"SELECT {RelatedColumns} FROM related_records WHERE owner_kind = $kind "
            + "AND owner_alias_field = $field AND owner_alias_value = $value");
        byAlias.Parameters.AddWithValue("$kind", (long)ownerKind);
        var field = byAlias.Parameters.Add("$field", SqliteType.Text);
        var value = byAlias.Parameters.Add("$value", SqliteType.Text);
        foreach (var alias in ownerAliases)
        {
            (field.Value, value.Value) = (alias.Field, alias.Value);
            CollectRelated(byAlias, ownerKind, found);
        }

        var records = found.Values.ToList();
        records.Sort((left, right) => SourceRecordRows.CompareKeys(left.Key, right.Key));
        return records;
    }

    /// <summary>How many related records one page of <see cref="RelatedOfType"/> holds.</summary>
    public const int RelatedPageSize = 1000;

    /// <summary>One page of the related records of a type and owner kind, in row order after <paramref name="afterRow"/>, with the last row id read.</summary>
    public static (List<RelatedRecord> Records, long LastRow) RelatedOfType(ReadScope scope, EntityKind ownerKind, string type, long afterRow)
    {
        using var command = scope.Command($"SELECT {RelatedColumns}, id FROM related_records WHERE id > $after AND owner_kind = $kind AND type = $type "
            + $"ORDER BY id LIMIT {RelatedPageSize}");
        command.Parameters.AddWithValue("$after", afterRow);
        command.Parameters.AddWithValue("$kind", (long)ownerKind);
        command.Parameters.AddWithValue("$type", type);
        // Keys are unique (related_records_by_key), so each row is one record.
        var records = new List<RelatedRecord>();
        var last = afterRow;
        using (var row = command.ExecuteReader())
        {
            while (row.Read())
            {
                records.Add(ReadRelated(row, ownerKind));
                last = row.GetInt64(11);
            }
        }

        return (records, last);
    }

    private static void CollectRelated(SqliteCommand command, EntityKind ownerKind, Dictionary<SourceRecordKey, RelatedRecord> found)
    {
        using var row = command.ExecuteReader();
        while (row.Read())
        {
            var key = new SourceRecordKey(row.GetString(0), row.GetString(1), row.GetString(2));
            if (!found.ContainsKey(key))
            {
                found.Add(key, ReadRelated(row, ownerKind));
            }
        }
    }

    private static RelatedRecord ReadRelated(SqliteDataReader row, EntityKind ownerKind) =>
        new(new SourceRecordKey(row.GetString(0), row.GetString(1), row.GetString(2)), row.GetString(3), ownerKind, ValueCodec.DecodeValues(SourceRecordRows.Blob(row, 9)))
        {
            OwnerRecord = SourceRecordRows.Key(row, 4),
            OwnerAlias = row.IsDBNull(7) ? null : new AliasKey(row.GetString(7), row.GetString(8)),
            ObservedAt = SourceRecordRows.Time(row, 10),
        };
}
