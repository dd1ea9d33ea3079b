using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Segments;

/// <summary>One audience write session: a <c>BEGIN IMMEDIATE</c> transaction on its own writer connection, statements prepared once.</summary>
internal sealed class SqliteAudienceWriteSession : IAudienceWriteSession
{
    // Past this many row writes a commit also checkpoints the WAL (the writer connections run with
    // automatic checkpoints off), so a large re-evaluation does not leave a large WAL behind.
    private const int CheckpointAfterWrites = 50_000;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SemaphoreSlim _gate;
    private readonly CommandSet _commands;
    private SqliteCommand? _state;
    private SqliteCommand? _upsertMember;
    private SqliteCommand? _deleteMember;
    private SqliteCommand? _insertChange;
    private long _nextAudienceId;
    private long _lastSequence;
    private long _writes;
    private bool _done;

    public SqliteAudienceWriteSession(SqliteConnection connection, SqliteTransaction transaction, SemaphoreSlim gate)
    {
        _connection = connection;
        _transaction = transaction;
        _gate = gate;
        _commands = new CommandSet(connection, transaction);
        (_nextAudienceId, _lastSequence, _) = AudienceQueries.Meta(connection, transaction);
    }

    public ValueTask<long> AllocateAudienceIdAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        return ValueTask.FromResult(_nextAudienceId++);
    }

    public ValueTask<Audience?> GetAudienceAsync(long id, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        return ValueTask.FromResult(AudienceQueries.Audience(_connection, _transaction, id));
    }

    public ValueTask SaveAudienceAsync(Audience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        EnsureOpen(cancellationToken);
        using var command = Command(
            $"INSERT OR REPLACE INTO audiences ({AudienceRows.AudienceColumns}, name_key) VALUES "
            + "($id, $name, $kind, $filter, $status, $visibility, $created_by, $created_at, $updated_at, $parent_id, $revision, $name_key)");
        foreach (var name in new[] { "$id", "$name", "$name_key", "$kind", "$filter", "$status", "$visibility", "$created_by", "$created_at", "$updated_at", "$parent_id", "$revision" })
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        AudienceRows.BindAudience(command, audience);
        command.ExecuteNonQuery();
        _nextAudienceId = Math.Max(_nextAudienceId, audience.Id + 1);
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAudienceAsync(long id, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        using var command = Command("DELETE FROM audience_members WHERE audience_id = $id; DELETE FROM audiences WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        _writes += command.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public ValueTask<MemberState?> GetMemberStateAsync(long audienceId, ProfileId profileId, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        _state ??= _commands.Prepare(
            "SELECT archived FROM audience_members WHERE audience_id = $audience AND profile_id = $profile",
            ("$audience", SqliteType.Integer),
            ("$profile", SqliteType.Integer));
        _state.Parameters[0].Value = audienceId;
        _state.Parameters[1].Value = profileId.Value;
        return ValueTask.FromResult(AudienceRows.ReadState(_state.ExecuteScalar()));
    }

    public ValueTask<IReadOnlyList<(long AudienceId, MemberState State)>> GetMembershipsAsync(ProfileId profileId, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        return ValueTask.FromResult<IReadOnlyList<(long, MemberState)>>(AudienceQueries.Memberships(_connection, _transaction, profileId.Value));
    }

    public ValueTask SetMemberStateAsync(long audienceId, ProfileId profileId, MemberState? state, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        if (state is { } now)
        {
            _upsertMember ??= _commands.Prepare(
                "INSERT INTO audience_members (audience_id, profile_id, archived) "
                + "SELECT $audience, $profile, $archived WHERE EXISTS (SELECT 1 FROM audiences WHERE id = $audience) "
                + "ON CONFLICT (audience_id, profile_id) DO UPDATE SET archived = excluded.archived",
                ("$audience", SqliteType.Integer),
                ("$profile", SqliteType.Integer),
                ("$archived", SqliteType.Integer));
            _upsertMember.Parameters[0].Value = audienceId;
            _upsertMember.Parameters[1].Value = profileId.Value;
            _upsertMember.Parameters[2].Value = now == MemberState.Archived ? 1L : 0L;
            if (_upsertMember.ExecuteNonQuery() == 0)
            {
                throw new InvalidOperationException($"Audience {audienceId} does not exist; it cannot have members.");
            }
        }
        else
        {
            _deleteMember ??= _commands.Prepare(
                "DELETE FROM audience_members WHERE audience_id = $audience AND profile_id = $profile",
                ("$audience", SqliteType.Integer),
                ("$profile", SqliteType.Integer));
            _deleteMember.Parameters[0].Value = audienceId;
            _deleteMember.Parameters[1].Value = profileId.Value;
            _deleteMember.ExecuteNonQuery();
        }

        _writes++;
        return ValueTask.CompletedTask;
    }

    public ValueTask<MembershipChange> AppendChangeAsync(MembershipChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        EnsureOpen(cancellationToken);
        _insertChange ??= _commands.Prepare(
            $"INSERT INTO membership_changes ({AudienceRows.ChangeColumns}) VALUES ($sequence, $audience, $profile, $change, $at, $version, $active)",
            ("$sequence", SqliteType.Integer),
            ("$audience", SqliteType.Integer),
            ("$profile", SqliteType.Integer),
            ("$change", SqliteType.Integer),
            ("$at", SqliteType.Integer),
            ("$version", SqliteType.Integer),
            ("$active", SqliteType.Integer));
        var stored = change with { Sequence = ++_lastSequence };
        var p = _insertChange.Parameters;
        p[0].Value = stored.Sequence;
        p[1].Value = stored.AudienceId;
        p[2].Value = stored.ProfileId.Value;
        p[3].Value = (long)stored.Kind;
        p[4].Value = stored.At.UtcTicks;
        p[5].Value = stored.ProfileVersion;
        p[6].Value = stored.Active ? 1L : 0L;
        _insertChange.ExecuteNonQuery();
        _writes++;
        return ValueTask.FromResult(stored);
    }

    public ValueTask SetProcessedVersionAsync(long version, CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        using var command = Command("UPDATE audience_meta SET processed_version = $version WHERE id = 1");
        command.Parameters.AddWithValue("$version", version);
        command.ExecuteNonQuery();
        return ValueTask.CompletedTask;
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen(cancellationToken);
        using (var meta = Command("UPDATE audience_meta SET next_audience_id = $next, last_sequence = $sequence WHERE id = 1"))
        {
            meta.Parameters.AddWithValue("$next", _nextAudienceId);
            meta.Parameters.AddWithValue("$sequence", _lastSequence);
            meta.ExecuteNonQuery();
        }

        _commands.Dispose();
        _transaction.Commit();
        if (_writes > CheckpointAfterWrites)
        {
            using var checkpoint = _connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            checkpoint.ExecuteNonQuery();
        }

        Close();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (!_done)
        {
            _commands.Dispose();
            _transaction.Rollback();
            Close();
        }

        return ValueTask.CompletedTask;
    }

    private void Close()
    {
        _done = true;
        _transaction.Dispose();
        _connection.Dispose();
        _gate.Release();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private void EnsureOpen(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
