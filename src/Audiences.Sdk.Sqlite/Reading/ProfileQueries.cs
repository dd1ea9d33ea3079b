using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;
using Audiences.Sdk.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>
/// The profile lookups shared by the store's readers and the write session, each statement
/// prepared on first use and reused for the life of the connection's transaction.
/// </summary>
internal sealed class ProfileQueries(SqliteConnection connection, SqliteTransaction? transaction) : IDisposable
{
    // Redirects are kept flat (every merged id points at a live survivor), so more hops than this
    // means the file was changed outside the store.
    private const int MaxRedirectHops = 64;

    private readonly CommandSet _commands = new(connection, transaction);
    private SqliteCommand? _profile;
    private SqliteCommand? _sources;
    private SqliteCommand? _exists;
    private SqliteCommand? _redirect;
    private SqliteCommand? _sourceOwner;
    private SqliteCommand? _aliasOwners;

    /// <summary>Reads a live profile with its sources, or null (no merge resolution).</summary>
    public Profile? Load(long id)
    {
        _profile ??= _commands.Prepare(
            "SELECT kind, version, created_at, aliases, vals FROM profiles WHERE id = $id", ("$id", SqliteType.Integer));
        _profile.Parameters[0].Value = id;
        EntityKind kind;
        long version;
        DateTimeOffset createdAt;
        List<AliasKey> aliases;
        Dictionary<string, ProfileValue>? values;
        using (var row = _profile.ExecuteReader())
        {
            if (!row.Read())
            {
                return null;
            }

            kind = (EntityKind)row.GetInt32(0);
            version = row.GetInt64(1);
            createdAt = new DateTimeOffset(row.GetInt64(2), TimeSpan.Zero);
            aliases = ValueCodec.DecodeAliases(SourceRecordRows.Blob(row, 3));
            values = SourceRecordRows.StoredValues(row, 4);
        }

        _sources ??= _commands.Prepare(
            $"SELECT {SourceRecordRows.Columns} FROM source_records WHERE profile_id = $id", ("$id", SqliteType.Integer));
        _sources.Parameters[0].Value = id;
        var sources = new List<StoredSourceRecord>();
        using (var row = _sources.ExecuteReader())
        {
            while (row.Read())
            {
                sources.Add(SourceRecordRows.Read(row, 0));
            }
        }

        sources.Sort(SourceRecordRows.Order);
        return new Profile(new ProfileId(id), kind, version, createdAt, values ?? Survivorship.Derive(sources), aliases, sources);
    }

    /// <summary>Follows redirects from <paramref name="id"/> to a live profile; null when there is none.</summary>
    public long? Resolve(long id)
    {
        _exists ??= _commands.Prepare("SELECT 1 FROM profiles WHERE id = $id", ("$id", SqliteType.Integer));
        _redirect ??= _commands.Prepare("SELECT survivor_id FROM merged_ids WHERE merged_id = $id", ("$id", SqliteType.Integer));
        for (var hop = 0; hop < MaxRedirectHops; hop++)
        {
            _exists.Parameters[0].Value = id;
            if (_exists.ExecuteScalar() is not null)
            {
                return id;
            }

            _redirect.Parameters[0].Value = id;
            if (_redirect.ExecuteScalar() is not long next || next == id)
            {
                return null;
            }

            id = next;
        }

        return null;
    }

    /// <summary>The profile a source record was last written to (possibly merged since), or null.</summary>
    public long? FindSourceOwner(SourceRecordKey key)
    {
        _sourceOwner ??= _commands.Prepare(
            "SELECT profile_id FROM source_records WHERE source = $source AND object = $object AND external_id = $external_id",
            ("$source", SqliteType.Text),
            ("$object", SqliteType.Text),
            ("$external_id", SqliteType.Text));
        _sourceOwner.Parameters[0].Value = key.Source;
        _sourceOwner.Parameters[1].Value = key.ObjectName;
        _sourceOwner.Parameters[2].Value = key.ExternalId;
        return _sourceOwner.ExecuteScalar() as long?;
    }

    /// <summary>The live profiles of a kind holding an alias, oldest first.</summary>
    public List<ProfileId> FindAliasOwners(EntityKind kind, AliasKey alias, int limit = int.MaxValue)
    {
        _aliasOwners ??= _commands.Prepare(
            "SELECT a.profile_id, p.kind, p.aliases FROM aliases a JOIN profiles p ON p.id = a.profile_id "
            + "WHERE a.key = $key ORDER BY a.profile_id",
            ("$key", SqliteType.Integer));
        _aliasOwners.Parameters[0].Value = AliasHash.Of(kind, alias);
        var owners = new List<ProfileId>(1);
        using var row = _aliasOwners.ExecuteReader();
        while (owners.Count < limit && row.Read())
        {
            // The key is a hash: the profile's own alias list confirms the hit.
            if ((EntityKind)row.GetInt32(1) == kind && ValueCodec.DecodeAliases(SourceRecordRows.Blob(row, 2)).Contains(alias))
            {
                owners.Add(new ProfileId(row.GetInt64(0)));
            }
        }

        return owners;
    }

    public void Dispose() => _commands.Dispose();
}
