namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>Reads the external ids of the stored source records of one source object, a page at a time.</summary>
internal static class ExternalIdQueries
{
    /// <summary>Ids per page.</summary>
    public const int PageSize = 1000;

    /// <summary>The first page.</summary>
    public const string FirstPageSql =
        "SELECT external_id FROM source_records WHERE source = $source AND object = $object ORDER BY external_id LIMIT $limit";

    /// <summary>The page after the id <c>$after</c>.</summary>
    public const string NextPageSql =
        "SELECT external_id FROM source_records WHERE source = $source AND object = $object AND external_id > $after ORDER BY external_id LIMIT $limit";

    /// <summary>
    /// The next page of ids after <paramref name="after"/> (from the first when null), in SQLite's order (the bytes of
    /// their UTF-8), read from the unique index <c>source_records_by_key</c> alone.
    /// </summary>
    public static List<string> Page(ReadScope scope, string source, string objectName, string? after)
    {
        using var command = scope.Command(after is null ? FirstPageSql : NextPageSql);
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$object", objectName);
        command.Parameters.AddWithValue("$limit", PageSize);
        if (after is not null)
        {
            command.Parameters.AddWithValue("$after", after);
        }

        using var row = command.ExecuteReader();
        var ids = new List<string>(PageSize);
        while (row.Read())
        {
            ids.Add(row.GetString(0));
        }

        return ids;
    }
}
