using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Counts and pages the live profiles of a kind that match a translated filter (<see cref="FilterSql"/>).</summary>
internal static class FilteredQueries
{
    /// <summary>Profiles per page of a filtered listing.</summary>
    public const int PageSize = 500;

    /// <summary>How many live profiles of <paramref name="kind"/> match.</summary>
    public static long Count(ReadScope scope, EntityKind kind, FilterSql filter)
    {
        using var command = scope.Command($"SELECT count(*) FROM ({filter.Select})");
        Bind(command, kind, filter);
        command.Parameters.AddWithValue("$after", long.MinValue);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The ids of every matching profile, in id order, from one snapshot.</summary>
    public static List<long> Ids(ReadScope scope, EntityKind kind, FilterSql filter)
    {
        var ids = new List<long>();
        using var command = scope.Command($"{filter.Select} ORDER BY id");
        Bind(command, kind, filter);
        command.Parameters.AddWithValue("$after", long.MinValue);
        using var row = command.ExecuteReader();
        while (row.Read())
        {
            ids.Add(row.GetInt64(0));
        }

        return ids;
    }

    /// <summary>The matching profiles with an id above <paramref name="afterId"/>, in id order, at most <paramref name="limit"/>.</summary>
    public static List<Profile> Page(ReadScope scope, EntityKind kind, FilterSql filter, long afterId, int limit)
    {
        var ids = new List<long>(Math.Min(limit, PageSize));
        using (var command = scope.Command(
            $"{filter.Select} ORDER BY id LIMIT $limit"))
        {
            Bind(command, kind, filter);
            command.Parameters.AddWithValue("$after", afterId);
            command.Parameters.AddWithValue("$limit", limit);
            using var row = command.ExecuteReader();
            while (row.Read())
            {
                ids.Add(row.GetInt64(0));
            }
        }

        // Same snapshot as the ids: every one is live and loads.
        var page = new List<Profile>(ids.Count);
        foreach (var id in ids)
        {
            page.Add(scope.Profiles.Load(id)
                ?? throw new InvalidOperationException($"Profile {id} matched a filter but has no row; the profile database was changed outside the store."));
        }

        return page;
    }

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand command, EntityKind kind, FilterSql filter)
    {
        command.Parameters.AddWithValue("$kind", (long)kind);
        foreach (var (name, value) in filter.Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
