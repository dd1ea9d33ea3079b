namespace Audiences.Sdk.Scale;

/// <summary>
/// The audience the bulk run counts — VPs in the US at companies of 1,000 people or more — in the store's filter
/// text and as the hand-written queries of the references. Text comparisons ignore case in the filter language,
/// so the wide SQLite table declares its text columns <c>COLLATE NOCASE</c> (and <c>LIKE</c> ignores ASCII case),
/// and the DuckDB table holds text folded as the stores fold it.
/// </summary>
internal static class BulkFilter
{
    /// <summary>The filter, in the text syntax of docs/filters.md.</summary>
    public const string Text = "country = \"US\" and employee_count >= 1000 and title contains \"VP\"";

    /// <summary>The count over the wide SQLite table.</summary>
    public const string WideTableSql = "SELECT count(*) FROM people WHERE country = 'US' AND employee_count >= 1000 AND title LIKE '%VP%'";

    /// <summary>The same count forced to scan the wide table (no index).</summary>
    public const string WideTableScanSql = "SELECT count(*) FROM people NOT INDEXED WHERE country = 'US' AND employee_count >= 1000 AND title LIKE '%VP%'";

    /// <summary>The count over the DuckDB table of folded text.</summary>
    public const string DuckDbSql = "SELECT count(*) FROM people WHERE country = 'US' AND employee_count >= 1000 AND contains(title, 'VP')";
}
