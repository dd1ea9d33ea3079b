using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>
/// Reads profiles of a kind page by page in id order, so listing a large store holds neither all
/// profiles in memory nor one read snapshot open for the whole listing.
/// </summary>
internal static class ProfilePages
{
    /// <summary>Profiles per page: large enough to amortize the two queries, small enough to stay light.</summary>
    public const int Size = 500;

    private static readonly string Prefixed = string.Join(", ", SourceRecordRows.Columns.Split(", ").Select(c => "s." + c));

    /// <summary>Reads the next page of live profiles of <paramref name="kind"/> with an id above <paramref name="afterId"/>.</summary>
    public static List<Profile> Read(ReadScope scope, EntityKind kind, long afterId)
    {
        var rows = new List<(long Id, long Version, long CreatedAt, byte[] Aliases, Dictionary<string, ProfileValue>? Values)>(Size);
        using (var command = scope.Command(
            "SELECT id, version, created_at, aliases, vals FROM profiles "
            + "WHERE kind = $kind AND id > $after ORDER BY id LIMIT $limit"))
        {
            command.Parameters.AddWithValue("$kind", (long)kind);
            command.Parameters.AddWithValue("$after", afterId);
            command.Parameters.AddWithValue("$limit", Size);
            using var row = command.ExecuteReader();
            while (row.Read())
            {
                rows.Add((row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), SourceRecordRows.Blob(row, 3), SourceRecordRows.StoredValues(row, 4)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var sources = rows.ToDictionary(r => r.Id, _ => new List<StoredSourceRecord>());

        // The same kind and id range as the page, in the same snapshot: exactly the page's profiles.
        using (var command = scope.Command(
            $"SELECT s.profile_id, {Prefixed} FROM profiles p JOIN source_records s ON s.profile_id = p.id "
            + "WHERE p.kind = $kind AND p.id > $after AND p.id <= $last"))
        {
            command.Parameters.AddWithValue("$kind", (long)kind);
            command.Parameters.AddWithValue("$after", afterId);
            command.Parameters.AddWithValue("$last", rows[^1].Id);
            using var row = command.ExecuteReader();
            while (row.Read())
            {
                if (sources.TryGetValue(row.GetInt64(0), out var list))
                {
                    list.Add(SourceRecordRows.Read(row, 1));
                }
            }
        }

        var page = new List<Profile>(rows.Count);
        foreach (var (id, version, createdAt, aliases, values) in rows)
        {
            var list = sources[id];
            list.Sort(SourceRecordRows.Order);
            page.Add(new Profile(
                new ProfileId(id),
                kind,
                version,
                new DateTimeOffset(createdAt, TimeSpan.Zero),
                values ?? Survivorship.Derive(list),
                ValueCodec.DecodeAliases(aliases),
                list));
        }

        return page;
    }
}
