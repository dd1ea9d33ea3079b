using System.Globalization;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Filtering;
using DuckDB.NET.Data;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The reference of the in-memory store's filtered count: the same people as the wide SQLite table (one row per
/// merged person) in an in-memory DuckDB table with one typed column per field, text folded as the stores fold
/// it so that the query compares like with like.
/// </summary>
internal sealed class DuckDbReference : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBCommand _count;

    private DuckDbReference(DuckDBConnection connection, long rows)
    {
        _connection = connection;
        Rows = rows;
        _count = connection.CreateCommand();
        _count.CommandText = BulkFilter.DuckDbSql;
    }

    /// <summary>People in the table.</summary>
    public long Rows { get; }

    /// <summary>Loads the rows of <paramref name="wide"/> into a new in-memory database.</summary>
    public static DuckDbReference Load(WideTableReference wide)
    {
        ArgumentNullException.ThrowIfNull(wide);
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            using (var create = connection.CreateCommand())
            {
                var text = PersonFields.TextFields.Select(f => $"{f} VARCHAR");
                create.CommandText = $"CREATE TABLE people (id BIGINT, {string.Join(", ", text)}, {PersonFields.EmployeeCount} BIGINT, {PersonFields.SignedUpAt} TIMESTAMP)";
                create.ExecuteNonQuery();
            }

            long rows = 0;
            using (var appender = connection.CreateAppender("people"))
            {
                foreach (var (values, employees, signedUp) in wide.ReadAll())
                {
                    var row = appender.CreateRow().AppendValue(++rows);
                    foreach (var value in values)
                    {
                        row.AppendValue(FilterText.Fold(value));
                    }

                    row.AppendValue(employees)
                        .AppendValue((DateTime?)DateTime.Parse(signedUp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))
                        .EndRow();
                }
            }

            return new DuckDbReference(connection, rows);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The filtered count.</summary>
    public long Count() => (long)_count.ExecuteScalar()!;

    public void Dispose()
    {
        _count.Dispose();
        _connection.Dispose();
    }
}
