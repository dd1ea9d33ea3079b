using System.Globalization;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Segments;

/// <summary>How audiences, members and feed entries map to rows (times are UTC ticks).</summary>
internal static class AudienceRows
{
    public const string AudienceColumns =
        "id, name, kind, filter, status, visibility, created_by, created_at, updated_at, parent_id, revision";

    public const string ChangeColumns = "sequence, audience_id, profile_id, change, at, profile_version, active";

    /// <summary>The key that makes names unique regardless of case.</summary>
    public static string NameKey(string name) => name.Trim().ToUpperInvariant();

    public static Audience ReadAudience(SqliteDataReader row) => new()
    {
        Id = row.GetInt64(0),
        Name = row.GetString(1),
        Kind = (EntityKind)row.GetInt32(2),
        FilterJson = row.GetString(3),
        Status = (AudienceStatus)row.GetInt32(4),
        Visibility = (AudienceVisibility)row.GetInt32(5),
        CreatedBy = row.GetString(6),
        CreatedAt = new DateTimeOffset(row.GetInt64(7), TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(row.GetInt64(8), TimeSpan.Zero),
        ParentId = row.IsDBNull(9) ? null : row.GetInt64(9),
        Revision = row.GetInt64(10),
    };

    public static MembershipChange ReadChange(SqliteDataReader row) => new(
        row.GetInt64(0),
        row.GetInt64(1),
        new ProfileId(row.GetInt64(2)),
        (MembershipChangeKind)row.GetInt32(3),
        new DateTimeOffset(row.GetInt64(4), TimeSpan.Zero),
        row.GetInt64(5),
        row.GetInt64(6) != 0);

    public static MemberState? ReadState(object? archived) =>
        archived is null or DBNull ? null : Convert.ToInt64(archived, CultureInfo.InvariantCulture) != 0 ? MemberState.Archived : MemberState.Active;

    public static void BindAudience(SqliteCommand command, Audience audience)
    {
        var p = command.Parameters;
        p["$id"].Value = audience.Id;
        p["$name"].Value = audience.Name;
        p["$name_key"].Value = NameKey(audience.Name);
        p["$kind"].Value = (long)audience.Kind;
        p["$filter"].Value = audience.FilterJson;
        p["$status"].Value = (long)audience.Status;
        p["$visibility"].Value = (long)audience.Visibility;
        p["$created_by"].Value = audience.CreatedBy;
        p["$created_at"].Value = audience.CreatedAt.UtcTicks;
        p["$updated_at"].Value = audience.UpdatedAt.UtcTicks;
        p["$parent_id"].Value = (object?)audience.ParentId ?? DBNull.Value;
        p["$revision"].Value = audience.Revision;
    }
}
