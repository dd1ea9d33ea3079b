using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// What one read sends and how it stops: the statement (the query as a subquery, a lower bound from the cursor,
/// an order), the fields it names, and the instant that caps an incremental read.
/// </summary>
/// <remarks>
/// An incremental read from a watermark (ts, id) taken by a read that started at <c>upTo</c> reads the rows after
/// the watermark in (ts, id) order — the tie-breaker keeps rows sharing the watermark's timestamp — and every row
/// stamped after <c>upTo − overlap</c>, which that read may not have seen committed yet. Whichever bound is lower
/// is the one sent: <c>ts &gt; upTo − overlap</c> when the watermark lies after it, else
/// <c>ts &gt; wts OR (ts = wts AND id &gt; wid)</c>. Rows stamped after this read's own start are left to the
/// next read (the reader stops at the first, the rows coming in timestamp order).
/// </remarks>
internal sealed class SqlReadPlan
{
    private SqlReadPlan(SqlStatement statement, string idField, string? timestampField, bool capped, SqlCursor start)
    {
        Statement = statement;
        IdField = idField;
        TimestampField = timestampField;
        Capped = capped;
        Start = start;
    }

    public SqlStatement Statement { get; }

    public string IdField { get; }

    public string? TimestampField { get; }

    /// <summary>Whether rows stamped after <see cref="SqlCursor.UpTo"/> of <see cref="Start"/> end the read.</summary>
    public bool Capped { get; }

    /// <summary>The cursor before the first row: the resumed cursor's watermark with this read's start.</summary>
    public SqlCursor Start { get; }

    /// <summary>Plans a read of <paramref name="fields"/> (the query's columns).</summary>
    /// <exception cref="ArgumentException">The id or timestamp field is not a column of the query, or the timestamp field holds no date-times.</exception>
    public static SqlReadPlan Create(SqlReadSettings settings, SourceReadRequest request, SqlCursor? cursor, IReadOnlyList<SourceField> fields, DateTimeOffset upTo)
    {
        var id = Field(settings, fields, request.IdField, "id");
        var ts = request.TimestampField is { } name ? Field(settings, fields, name, "timestamp") : null;
        if (ts is not null && ts.Type != FieldType.DateTime)
        {
            throw new ArgumentException(
                $"The timestamp field '{ts.Name}' of the SQL source '{settings.ObjectName}' holds {ts.Type.ToString().ToLowerInvariant()} values, not date-times; name a date-time column.",
                nameof(request));
        }

        // The alias goes without AS, which Oracle refuses in a FROM clause and every other database allows.
        var dialect = settings.Dialect;
        var qid = "q." + dialect.Quote(id.Name);
        var statement = new SqlStatement(dialect).Append("SELECT * FROM (\n").Append(settings.Query).Append("\n) q");
        var incremental = request.Mode == SourceReadMode.Incremental;
        var watermark = incremental ? cursor : null;
        if (ts is null)
        {
            statement.Append(" ORDER BY ").Append(qid);
            return new SqlReadPlan(statement, id.Name, null, capped: false, new SqlCursor(settings.ObjectName, null, null, null, upTo));
        }

        var qts = "q." + dialect.Quote(ts.Name);
        if (watermark?.Timestamp is { } high)
        {
            var late = watermark.UpTo - settings.Overlap;
            if (high.ToInstant() > late)
            {
                statement.Append(" WHERE ").Append(qts).Append(" > ").Value(high.AtInstant(late)!);
            }
            else if (watermark.Id is { } highId)
            {
                statement.Append(" WHERE (").Append(qts).Append(" > ").Value(high.ToParameter())
                    .Append(" OR (").Append(qts).Append(" = ").Value(high.ToParameter())
                    .Append(" AND ").Append(qid).Append(" > ").Value(highId.ToParameter()).Append("))");
            }
            else
            {
                statement.Append(" WHERE ").Append(qts).Append(" >= ").Value(high.ToParameter());
            }

            statement.Append(" ORDER BY ").Append(qts).Append(", ").Append(qid);
        }
        else
        {
            // Without a watermark every row is read, those without a timestamp first (databases disagree on where nulls sort).
            statement.Append(" ORDER BY CASE WHEN ").Append(qts).Append(" IS NULL THEN 0 ELSE 1 END, ").Append(qts).Append(", ").Append(qid);
        }

        var start = new SqlCursor(settings.ObjectName, ts.Name, watermark?.Timestamp, watermark?.Id, upTo);
        return new SqlReadPlan(statement, id.Name, ts.Name, capped: incremental, start);
    }

    private static SourceField Field(SqlReadSettings settings, IReadOnlyList<SourceField> fields, string name, string role) =>
        fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal)) ?? throw new ArgumentException(
            $"The {role} field '{name}' is not a column of the SQL source '{settings.ObjectName}'; its columns are {string.Join(", ", fields.Select(f => $"'{f.Name}'"))}.",
            nameof(name));
}
