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

    private readonly RawStatement?[] _insertAliases = new RawStatement?[MaxAliasesPerInsert];
    private RawStatement? _insertProfile;
    private SqliteCommand? _updateProfile;
    private SqliteCommand? _readHead;
    private SqliteCommand? _deleteProfile;
    private SqliteCommand? _hasDerivedValues;
    private SqliteCommand? _storeValues;
    private RawStatement? _deleteAlias;
    private RawStatement? _upsertSource;
    private SqliteCommand? _upsertRedirect;
    private SqliteCommand? _repointRedirects;
    private SqliteCommand? _deleteRedirect;

    /// <summary>
    /// Inserts a profile row; false when the id is taken. Its values are stored only when
    /// <paramref name="storeValues"/> is set: otherwise they are those its single source record gives.
    /// </summary>
    public bool InsertProfile(ProfileWrite write, IReadOnlyList<AliasKey> aliases, bool storeValues)
    {
        _insertProfile ??= commands.PrepareRaw(
            "INSERT INTO profiles (id, kind, version, created_at, aliases, vals) "
            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING");
        _insertProfile.Bind(1, write.Id.Value);
        _insertProfile.Bind(2, (long)write.Kind);
        _insertProfile.Bind(3, write.Version);
        _insertProfile.Bind(4, write.CreatedAt.UtcTicks);

        // Each encoding reuses the thread's buffer, so each is bound (copied) before the next.
        _insertProfile.Bind(5, ValueCodec.EncodeAliasesInPlace(aliases));
        if (storeValues)
        {
            _insertProfile.Bind(6, ProfileValueCodec.EncodeInPlace(write.Values));
        }
        else
        {
            _insertProfile.BindNull(6);
        }

        return _insertProfile.Execute() == 1;
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

    /// <summary>Whether a live profile's values are derived from its source record rather than stored.</summary>
    public bool HasDerivedValues(long id)
    {
        _hasDerivedValues ??= commands.Prepare("SELECT vals IS NULL FROM profiles WHERE id = $id", ("$id", SqliteType.Integer));
        _hasDerivedValues.Parameters[0].Value = id;
        return _hasDerivedValues.ExecuteScalar() is long derived && derived == 1;
    }

    /// <summary>Stores a profile's current values.</summary>
    public void StoreValues(long id, byte[] values)
    {
        _storeValues ??= commands.Prepare(
            "UPDATE profiles SET vals = $vals WHERE id = $id", ("$id", SqliteType.Integer), ("$vals", SqliteType.Blob));
        _storeValues.Parameters[0].Value = id;
        _storeValues.Parameters[1].Value = values;
        _storeValues.ExecuteNonQuery();
    }

    /// <summary>Deletes a profile row.</summary>
    public void DeleteProfile(long id)
    {
        _deleteProfile ??= commands.Prepare("DELETE FROM profiles WHERE id = $id", ("$id", SqliteType.Integer));
        _deleteProfile.Parameters[0].Value = id;
        _deleteProfile.ExecuteNonQuery();
    }

    /// <summary>Records that a profile holds aliases, by their hashes (no-op for those it already holds).</summary>
    public void InsertAliases(ReadOnlySpan<long> hashes, long profileId)
    {
        for (var start = 0; start < hashes.Length; start += MaxAliasesPerInsert)
        {
            var count = Math.Min(MaxAliasesPerInsert, hashes.Length - start);
            var statement = _insertAliases[count - 1] ??= PrepareAliasInsert(count);
            statement.Bind(1, profileId);
            for (var i = 0; i < count; i++)
            {
                statement.Bind(2 + i, hashes[start + i]);
            }

            statement.Execute();
        }
    }

    /// <summary>Records that a profile no longer holds an alias hash.</summary>
    public void DeleteAlias(long hash, long profileId)
    {
        _deleteAlias ??= commands.PrepareRaw("DELETE FROM aliases WHERE key = ?1 AND profile_id = ?2");
        _deleteAlias.Bind(1, hash);
        _deleteAlias.Bind(2, profileId);
        _deleteAlias.Execute();
    }

    /// <summary>Inserts a source record or replaces it, moving it to <paramref name="profileId"/>.</summary>
    public void UpsertSource(StoredSourceRecord source, long profileId)
    {
        _upsertSource ??= commands.PrepareRaw(SourceRecordUpsert.Sql);
        SourceRecordUpsert.Bind(_upsertSource, source, profileId);
        _upsertSource.Execute();
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

    /// <summary>Removes the redirect of a retired id, which becomes a live profile again.</summary>
    public void RemoveRedirect(long restored)
    {
        _deleteRedirect ??= commands.Prepare("DELETE FROM merged_ids WHERE merged_id = $id", ("$id", SqliteType.Integer));
        _deleteRedirect.Parameters[0].Value = restored;
        _deleteRedirect.ExecuteNonQuery();
    }

    private RawStatement PrepareAliasInsert(int count)
    {
        var rows = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add($"(?{2 + i}, ?1)");
        }

        return commands.PrepareRaw($"INSERT OR IGNORE INTO aliases (key, profile_id) VALUES {string.Join(", ", rows)}");
    }
}
