using System.Globalization;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;
using Audiences.Sdk.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The write session's prepared statements for the meta row, the merge ledger, the field catalog and related records.</summary>
internal sealed class LedgerStatements(CommandSet commands)
{
    private SqliteCommand? _insertMerge;
    private SqliteCommand? _insertSplit;
    private SqliteCommand? _upsertReview;
    private SqliteCommand? _upsertField;
    private SqliteCommand? _upsertRelated;

    /// <summary>The last committed version and the next free profile id.</summary>
    public (long LastVersion, long NextProfileId) ReadMeta()
    {
        var command = commands.Prepare("SELECT last_version, next_profile_id FROM meta WHERE id = 1");
        using var row = command.ExecuteReader();
        return row.Read()
            ? (row.GetInt64(0), row.GetInt64(1))
            : throw new InvalidDataException("The profile database has no meta row; it was changed outside the store.");
    }

    /// <summary>Stores the last version and the next free profile id.</summary>
    public void WriteMeta(long lastVersion, long nextProfileId)
    {
        var command = commands.Prepare(
            "UPDATE meta SET last_version = $last_version, next_profile_id = $next_profile_id WHERE id = 1",
            ("$last_version", SqliteType.Integer),
            ("$next_profile_id", SqliteType.Integer));
        command.Parameters[0].Value = lastVersion;
        command.Parameters[1].Value = nextProfileId;
        command.ExecuteNonQuery();
    }

    /// <summary>Appends a merge to the ledger.</summary>
    public void InsertMerge(MergeRecord merge)
    {
        _insertMerge ??= commands.Prepare(
            "INSERT INTO merges (version, kind, survivor_id, merged_id, alias_field, alias_value, caused_source, caused_object, caused_external_id, merged_at, "
            + "merged_records, match_probability, merged_created_at) VALUES ($version, $kind, $survivor_id, $merged_id, $alias_field, $alias_value, $caused_source, "
            + "$caused_object, $caused_external_id, $merged_at, $merged_records, $match_probability, $merged_created_at)",
            ("$version", SqliteType.Integer),
            ("$kind", SqliteType.Integer),
            ("$survivor_id", SqliteType.Integer),
            ("$merged_id", SqliteType.Integer),
            ("$alias_field", SqliteType.Text),
            ("$alias_value", SqliteType.Text),
            ("$caused_source", SqliteType.Text),
            ("$caused_object", SqliteType.Text),
            ("$caused_external_id", SqliteType.Text),
            ("$merged_at", SqliteType.Integer),
            ("$merged_records", SqliteType.Blob),
            ("$match_probability", SqliteType.Real),
            ("$merged_created_at", SqliteType.Integer));
        var p = _insertMerge.Parameters;
        p[0].Value = merge.Version;
        p[1].Value = (long)merge.Kind;
        p[2].Value = merge.SurvivorId.Value;
        p[3].Value = merge.MergedId.Value;
        p[4].Value = (object?)merge.Alias?.Field ?? DBNull.Value;
        p[5].Value = (object?)merge.Alias?.Value ?? DBNull.Value;
        p[6].Value = merge.CausedBy.Source;
        p[7].Value = merge.CausedBy.ObjectName;
        p[8].Value = merge.CausedBy.ExternalId;
        p[9].Value = merge.MergedAt.UtcTicks;
        p[10].Value = SourceKeyListCodec.Encode(merge.MergedRecords);
        p[11].Value = merge.MatchProbability is { } probability ? probability : DBNull.Value;
        p[12].Value = merge.MergedCreatedAt is { } created ? created.UtcTicks : DBNull.Value;
        _insertMerge.ExecuteNonQuery();
    }

    /// <summary>Appends a split to the ledger.</summary>
    public void InsertSplit(SplitRecord split)
    {
        _insertSplit ??= commands.Prepare(
            "INSERT INTO splits (version, kind, survivor_id, restored_id, merge_version, restored_records, remaining_records, split_at) "
            + "VALUES ($version, $kind, $survivor_id, $restored_id, $merge_version, $restored_records, $remaining_records, $split_at)",
            ("$version", SqliteType.Integer),
            ("$kind", SqliteType.Integer),
            ("$survivor_id", SqliteType.Integer),
            ("$restored_id", SqliteType.Integer),
            ("$merge_version", SqliteType.Integer),
            ("$restored_records", SqliteType.Blob),
            ("$remaining_records", SqliteType.Blob),
            ("$split_at", SqliteType.Integer));
        var p = _insertSplit.Parameters;
        p[0].Value = split.Version;
        p[1].Value = (long)split.Kind;
        p[2].Value = split.SurvivorId.Value;
        p[3].Value = split.RestoredId.Value;
        p[4].Value = split.MergeVersion;
        p[5].Value = SourceKeyListCodec.Encode(split.RestoredRecords);
        p[6].Value = SourceKeyListCodec.Encode(split.RemainingRecords);
        p[7].Value = split.SplitAt.UtcTicks;
        _insertSplit.ExecuteNonQuery();
    }

    /// <summary>Inserts a review or replaces the one with its id.</summary>
    public void UpsertReview(MatchReview review)
    {
        _upsertReview ??= commands.Prepare(
            "INSERT OR REPLACE INTO reviews (id, kind, left_source, left_object, left_external_id, right_source, right_object, right_external_id, "
            + "probability, weight, evidence, found_at, status, decided_at) VALUES ($id, $kind, $left_source, $left_object, $left_external_id, "
            + "$right_source, $right_object, $right_external_id, $probability, $weight, $evidence, $found_at, $status, $decided_at)",
            ("$id", SqliteType.Integer),
            ("$kind", SqliteType.Integer),
            ("$left_source", SqliteType.Text),
            ("$left_object", SqliteType.Text),
            ("$left_external_id", SqliteType.Text),
            ("$right_source", SqliteType.Text),
            ("$right_object", SqliteType.Text),
            ("$right_external_id", SqliteType.Text),
            ("$probability", SqliteType.Real),
            ("$weight", SqliteType.Real),
            ("$evidence", SqliteType.Blob),
            ("$found_at", SqliteType.Integer),
            ("$status", SqliteType.Integer),
            ("$decided_at", SqliteType.Integer));
        var p = _upsertReview.Parameters;
        p[0].Value = review.Id;
        p[1].Value = (long)review.Kind;
        p[2].Value = review.Left.Source;
        p[3].Value = review.Left.ObjectName;
        p[4].Value = review.Left.ExternalId;
        p[5].Value = review.Right.Source;
        p[6].Value = review.Right.ObjectName;
        p[7].Value = review.Right.ExternalId;
        p[8].Value = review.MatchProbability;
        p[9].Value = review.MatchWeight;
        p[10].Value = MatchEvidenceCodec.Encode(review.Evidence);
        p[11].Value = review.FoundAt.UtcTicks;
        p[12].Value = (long)review.Status;
        p[13].Value = review.DecidedAt is { } decided ? decided.UtcTicks : DBNull.Value;
        _upsertReview.ExecuteNonQuery();
    }

    /// <summary>Adds a field or replaces its definition, keeping the type it was first stored with.</summary>
    public void UpsertField(FieldDefinition field)
    {
        _upsertField ??= commands.Prepare(
            "INSERT INTO fields (kind, key, type, origin, display_name, description, cost_per_record, export_status) "
            + "VALUES ($kind, $key, $type, $origin, $display_name, $description, $cost_per_record, $export_status) "
            + "ON CONFLICT (kind, key) DO UPDATE SET origin = excluded.origin, display_name = excluded.display_name, "
            + "description = excluded.description, cost_per_record = excluded.cost_per_record, export_status = excluded.export_status",
            ("$kind", SqliteType.Integer),
            ("$key", SqliteType.Text),
            ("$type", SqliteType.Integer),
            ("$origin", SqliteType.Text),
            ("$display_name", SqliteType.Text),
            ("$description", SqliteType.Text),
            ("$cost_per_record", SqliteType.Text),
            ("$export_status", SqliteType.Integer));
        var p = _upsertField.Parameters;
        p[0].Value = (long)field.Kind;
        p[1].Value = field.Key;
        p[2].Value = (long)field.Type;
        p[3].Value = field.Origin;
        p[4].Value = field.DisplayName;
        p[5].Value = (object?)field.Description ?? DBNull.Value;
        p[6].Value = field.CostPerRecord is { } cost ? cost.ToString(CultureInfo.InvariantCulture) : DBNull.Value;
        p[7].Value = (long)field.ExportStatus;
        _upsertField.ExecuteNonQuery();
    }

    /// <summary>Inserts a related record or replaces the one with the same key.</summary>
    public void UpsertRelated(RelatedRecord record)
    {
        _upsertRelated ??= commands.Prepare(
            "INSERT INTO related_records (source, object, external_id, type, owner_kind, owner_source, owner_object, owner_external_id, "
            + "owner_alias_field, owner_alias_value, vals, observed_at) VALUES ($source, $object, $external_id, $type, $owner_kind, "
            + "$owner_source, $owner_object, $owner_external_id, $owner_alias_field, $owner_alias_value, $vals, $observed_at) "
            + "ON CONFLICT (source, object, external_id) DO UPDATE SET type = excluded.type, owner_kind = excluded.owner_kind, "
            + "owner_source = excluded.owner_source, owner_object = excluded.owner_object, owner_external_id = excluded.owner_external_id, "
            + "owner_alias_field = excluded.owner_alias_field, owner_alias_value = excluded.owner_alias_value, vals = excluded.vals, "
            + "observed_at = excluded.observed_at",
            ("$source", SqliteType.Text),
            ("$object", SqliteType.Text),
            ("$external_id", SqliteType.Text),
            ("$type", SqliteType.Text),
            ("$owner_kind", SqliteType.Integer),
            ("$owner_source", SqliteType.Text),
            ("$owner_object", SqliteType.Text),
            ("$owner_external_id", SqliteType.Text),
            ("$owner_alias_field", SqliteType.Text),
            ("$owner_alias_value", SqliteType.Text),
            ("$vals", SqliteType.Blob),
            ("$observed_at", SqliteType.Integer));
        var p = _upsertRelated.Parameters;
        p[0].Value = record.Key.Source;
        p[1].Value = record.Key.ObjectName;
        p[2].Value = record.Key.ExternalId;
        p[3].Value = record.Type;
        p[4].Value = (long)record.OwnerKind;
        p[5].Value = (object?)record.OwnerRecord?.Source ?? DBNull.Value;
        p[6].Value = (object?)record.OwnerRecord?.ObjectName ?? DBNull.Value;
        p[7].Value = (object?)record.OwnerRecord?.ExternalId ?? DBNull.Value;
        p[8].Value = (object?)record.OwnerAlias?.Field ?? DBNull.Value;
        p[9].Value = (object?)record.OwnerAlias?.Value ?? DBNull.Value;
        p[10].Value = ValueCodec.EncodeValues(record.Values);
        p[11].Value = record.ObservedAt is { } observed ? observed.UtcTicks : DBNull.Value;
        _upsertRelated.ExecuteNonQuery();
    }
}
