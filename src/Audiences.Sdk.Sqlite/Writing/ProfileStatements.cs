using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;
using Audiences.Sdk.Sqlite.Storage;
using Audiences.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>The write session's prepared statements for profile rows, aliases, source records and redirects.</summary>
internal sealed class ProfileStatements(CommandSet commands)
{
    // A profile has one to a few aliases; inserting them with one statement saves a round of
    // binding per alias, which costs about as much as SQLite's own work for a row this small.
    private const int MaxAliasesPerInsert = 4;

    private readonly SqliteCommand?[] _insertAliases = new SqliteCommand?[MaxAliasesPerInsert];
    private SqliteCommand? _insertProfile;
    private SqliteCommand? _updateProfile;
    private SqliteCommand? _readHead;
    private SqliteCommand? _deleteProfile;
    private SqliteCommand? _deleteAlias;
    private SqliteCommand? _upsertSource;
    private SqliteCommand? _upsertRedirect;
    private SqliteCommand? _repointRedirects;

    /// <summary>Inserts a profile row; false when the id is taken.</summary>
    public bool InsertProfile(ProfileWrite write, byte[] aliases, byte[] values)
    {
        _insertProfile ??= commands.Prepare(
            "INSERT INTO profiles (id, kind, version, created_at, aliases, vals) "
            + "VALUES ($id, $kind, $version, $created_at, $aliases, $vals) ON CONFLICT (id) DO NOTHING",
            ("$id", SqliteType.Integer),
            ("$kind", SqliteType.Integer),
            ("$version", SqliteType.Integer),
            ("$created_at", SqliteType.Integer),
            ("$aliases", SqliteType.Blob),
            ("$vals", SqliteType.Blob));
        var p = _insertProfile.Parameters;
        p[0].Value = write.Id.Value;
        p[1].Value = (long)write.Kind;
        p[2].Value = write.Version;
        p[3].Value = write.CreatedAt.UtcTicks;
        p[4].Value = aliases;
        p[5].Value = values;
        return _insertProfile.ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// Updates a profile row of the given kind; its aliases are replaced only when
    /// <paramref name="aliases"/> is not null. False when no such row exists.
    /// </summary>
    public bool UpdateProfile(ProfileWrite write, EntityKind currentKind, byte[]? aliases, byte[] values)
    {
        _updateProfile ??= commands.Prepare(
            "UPDATE profiles SET kind = $kind, version = $version, created_at = $created_at, "
            + "aliases = COALESCE($aliases, aliases), vals = $vals WHERE id = $id AND kind = $current_kind",
            ("$id", SqliteType.Integer),
            ("$kind", SqliteType.Integer),
            ("$version", SqliteType.Integer),
            ("$created_at", SqliteType.Integer),
            ("$aliases", SqliteType.Blob),
            ("$vals", SqliteType.Blob),
            ("$current_kind", SqliteType.Integer));
        var p = _updateProfile.Parameters;
        p[0].Value = write.Id.Value;
        p[1].Value = (long)write.Kind;
        p[2].Value = write.Version;
        p[3].Value = write.CreatedAt.UtcTicks;
        p[4].Value = aliases ?? (object)DBNull.Value;
        p[5].Value = values;
        p[6].Value = (long)currentKind;
        return _updateProfile.ExecuteNonQuery() == 1;
    }

    /// <summary>The kind and aliases of a live profile, or null.</summary>
    public (EntityKind Kind, List<AliasKey> Aliases)? ReadHead(long id)
    {
        _readHead ??= commands.Prepare("SELECT kind, aliases FROM profiles WHERE id = $id", ("$id", SqliteType.Integer));
        _readHead.Parameters[0].Value = id;
        using var row = _readHead.ExecuteReader();
        return row.Read() ? ((EntityKind)row.GetInt32(0), ValueCodec.DecodeAliases(row.GetFieldValue<byte[]>(1))) : null;
    }

    /// <summary>Deletes a profile row.</summary>
    public void DeleteProfile(long id)
    {
        _deleteProfile ??= commands.Prepare("DELETE FROM profiles WHERE id = $id", ("$id", SqliteType.Integer));
        _deleteProfile.Parameters[0].Value = id;
        _deleteProfile.ExecuteNonQuery();
    }

    /// <summary>Records that a profile holds the aliases (no-op for those it already holds).</summary>
    public void InsertAliases(EntityKind kind, IReadOnlyList<AliasKey> aliases, long profileId)
    {
        for (var start = 0; start < aliases.Count; start += MaxAliasesPerInsert)
        {
            var count = Math.Min(MaxAliasesPerInsert, aliases.Count - start);
            var command = _insertAliases[count - 1] ??= PrepareAliasInsert(count);
            var p = command.Parameters;
            p[0].Value = (long)kind;
            p[1].Value = profileId;
            for (var i = 0; i < count; i++)
            {
                p[2 + (2 * i)].Value = aliases[start + i].Field;
                p[3 + (2 * i)].Value = aliases[start + i].Value;
            }

            command.ExecuteNonQuery();
        }
    }

    /// <summary>Records that a profile no longer holds an alias.</summary>
    public void DeleteAlias(EntityKind kind, AliasKey alias, long profileId)
    {
        _deleteAlias ??= commands.Prepare(
            "DELETE FROM aliases WHERE kind = $kind AND field = $field AND value = $value AND profile_id = $profile_id",
            ("$kind", SqliteType.Integer),
            ("$field", SqliteType.Text),
            ("$value", SqliteType.Text),
            ("$profile_id", SqliteType.Integer));
        var p = _deleteAlias.Parameters;
        p[0].Value = (long)kind;
        p[1].Value = alias.Field;
        p[2].Value = alias.Value;
        p[3].Value = profileId;
        _deleteAlias.ExecuteNonQuery();
    }

    /// <summary>Inserts a source record or replaces it, moving it to <paramref name="profileId"/>.</summary>
    public void UpsertSource(StoredSourceRecord source, long profileId)
    {
        _upsertSource ??= commands.Prepare(SourceRecordUpsert.Sql, SourceRecordUpsert.Parameters);
        SourceRecordUpsert.Bind(_upsertSource.Parameters, source, profileId);
        _upsertSource.ExecuteNonQuery();
    }

    /// <summary>Makes <paramref name="merged"/>, and every id that resolved to it, resolve to <paramref name="survivor"/>.</summary>
    public void Redirect(long merged, long survivor)
    {
        _upsertRedirect ??= commands.Prepare(
            "INSERT INTO merged_ids (merged_id, survivor_id) VALUES ($merged, $survivor) "
            + "ON CONFLICT (merged_id) DO UPDATE SET survivor_id = excluded.survivor_id",
            ("$merged", SqliteType.Integer),
            ("$survivor", SqliteType.Integer));
        _repointRedirects ??= commands.Prepare(
            "UPDATE merged_ids SET survivor_id = $survivor WHERE survivor_id = $merged",
            ("$merged", SqliteType.Integer),
            ("$survivor", SqliteType.Integer));
        foreach (var command in (ReadOnlySpan<SqliteCommand>)[_upsertRedirect, _repointRedirects])
        {
            command.Parameters[0].Value = merged;
            command.Parameters[1].Value = survivor;
            command.ExecuteNonQuery();
        }
    }

    private SqliteCommand PrepareAliasInsert(int count)
    {
        var parameters = new List<(string, SqliteType)> { ("$kind", SqliteType.Integer), ("$profile_id", SqliteType.Integer) };
        var rows = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            parameters.Add(($"$field{i}", SqliteType.Text));
            parameters.Add(($"$value{i}", SqliteType.Text));
            rows.Add($"($kind, $field{i}, $value{i}, $profile_id)");
        }

        return commands.Prepare(
            $"INSERT OR IGNORE INTO aliases (kind, field, value, profile_id) VALUES {string.Join(", ", rows)}",
            [.. parameters]);
    }
}
