using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Segments;

/// <summary>The audience reads, run either on a reader's snapshot or inside the write session's transaction.</summary>
internal static class AudienceQueries
{
    public static Audience? Audience(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = Command(connection, transaction, $"SELECT {AudienceRows.AudienceColumns} FROM audiences WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var row = command.ExecuteReader();
        return row.Read() ? AudienceRows.ReadAudience(row) : null;
    }

    public static List<Audience> Audiences(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction, $"SELECT {AudienceRows.AudienceColumns} FROM audiences ORDER BY id");
        using var row = command.ExecuteReader();
        var audiences = new List<Audience>();
        while (row.Read())
        {
            audiences.Add(AudienceRows.ReadAudience(row));
        }

        return audiences;
    }

    public static long CountMembers(SqliteConnection connection, SqliteTransaction transaction, long audienceId, MemberState state)
    {
        using var command = Command(connection, transaction, "SELECT COUNT(*) FROM audience_members WHERE audience_id = $audience AND archived = $archived");
        command.Parameters.AddWithValue("$audience", audienceId);
        command.Parameters.AddWithValue("$archived", state == MemberState.Archived ? 1L : 0L);
        return (long)command.ExecuteScalar()!;
    }

    public static List<ProfileId> Members(
        SqliteConnection connection, SqliteTransaction transaction, long audienceId, MemberState state, ProfileId? after, int limit, bool descending)
    {
        var sql = descending
            ? "SELECT profile_id FROM audience_members WHERE audience_id = $audience AND archived = $archived AND profile_id < $after ORDER BY profile_id DESC LIMIT $limit"
            : "SELECT profile_id FROM audience_members WHERE audience_id = $audience AND archived = $archived AND profile_id > $after ORDER BY profile_id LIMIT $limit";
        using var command = Command(connection, transaction, sql);
        command.Parameters.AddWithValue("$audience", audienceId);
        command.Parameters.AddWithValue("$archived", state == MemberState.Archived ? 1L : 0L);
        command.Parameters.AddWithValue("$after", after?.Value ?? (descending ? long.MaxValue : 0L));
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var ids = new List<ProfileId>();
        while (row.Read())
        {
            ids.Add(new ProfileId(row.GetInt64(0)));
        }

        return ids;
    }

    public static List<(long AudienceId, MemberState State)> Memberships(SqliteConnection connection, SqliteTransaction transaction, long profileId)
    {
        using var command = Command(connection, transaction, "SELECT audience_id, archived FROM audience_members WHERE profile_id = $profile ORDER BY audience_id");
        command.Parameters.AddWithValue("$profile", profileId);
        using var row = command.ExecuteReader();
        var memberships = new List<(long, MemberState)>();
        while (row.Read())
        {
            memberships.Add((row.GetInt64(0), row.GetInt64(1) != 0 ? MemberState.Archived : MemberState.Active));
        }

        return memberships;
    }

    public static MemberState? State(SqliteConnection connection, SqliteTransaction transaction, long audienceId, long profileId)
    {
        using var command = Command(connection, transaction, "SELECT archived FROM audience_members WHERE audience_id = $audience AND profile_id = $profile");
        command.Parameters.AddWithValue("$audience", audienceId);
        command.Parameters.AddWithValue("$profile", profileId);
        return AudienceRows.ReadState(command.ExecuteScalar());
    }

    public static List<MembershipChange> Changes(SqliteConnection connection, SqliteTransaction transaction, long afterSequence, int limit)
    {
        using var command = Command(connection, transaction,
            $"SELECT {AudienceRows.ChangeColumns} FROM membership_changes WHERE sequence > $after ORDER BY sequence LIMIT $limit");
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var changes = new List<MembershipChange>();
        while (row.Read())
        {
            changes.Add(AudienceRows.ReadChange(row));
        }

        return changes;
    }

    public static (long NextAudienceId, long LastSequence, long ProcessedVersion) Meta(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction, "SELECT next_audience_id, last_sequence, processed_version FROM audience_meta WHERE id = 1");
        using var row = command.ExecuteReader();
        row.Read();
        return (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
