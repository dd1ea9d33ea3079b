using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Change detection: profiles by version (index profiles_by_version) and retirements from the merge ledger.</summary>
internal static class ChangeQueries
{
    /// <summary>Changed profiles per page.</summary>
    public const int PageSize = 500;

    /// <summary>The next page of live profiles after the (version, id) position, in version order.</summary>
    public static List<ProfileChange> LivePage(ReadScope scope, long afterVersion, long afterId)
    {
        var ids = new List<long>(PageSize);
        using (var command = scope.Command(
            "SELECT id FROM profiles WHERE (version, id) > ($version, $id) ORDER BY version, id LIMIT $limit"))
        {
            command.Parameters.AddWithValue("$version", afterVersion);
            command.Parameters.AddWithValue("$id", afterId);
            command.Parameters.AddWithValue("$limit", PageSize);
            using var row = command.ExecuteReader();
            while (row.Read())
            {
                ids.Add(row.GetInt64(0));
            }
        }

        var page = new List<ProfileChange>(ids.Count);
        foreach (var id in ids)
        {
            if (scope.Profiles.Load(id) is { } profile)
            {
                page.Add(new ProfileChange(profile.Id, profile.Kind, profile.Version, profile));
            }
        }

        return page;
    }

    /// <summary>Ids retired by merges after <paramref name="sinceVersion"/> and not live again, each at its last merge's version.</summary>
    public static List<ProfileChange> Retired(ReadScope scope, long sinceVersion)
    {
        using var command = scope.Command(
            "SELECT m.merged_id, m.kind, MAX(m.version) AS v FROM merges m "
            + "WHERE m.version > $since AND NOT EXISTS (SELECT 1 FROM profiles p WHERE p.id = m.merged_id) "
            + "GROUP BY m.merged_id ORDER BY v, m.merged_id");
        command.Parameters.AddWithValue("$since", sinceVersion);
        var retired = new List<ProfileChange>();
        using var row = command.ExecuteReader();
        while (row.Read())
        {
            retired.Add(new ProfileChange(new ProfileId(row.GetInt64(0)), (EntityKind)row.GetInt32(1), row.GetInt64(2), null));
        }

        return retired;
    }
}
