using System.Data.Common;
using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Warehouse;

/// <summary>A destination table as described: its columns by name and its key column.</summary>
internal sealed class SqlTable
{
    private readonly Dictionary<string, SqlTableColumn> _columns;

    private SqlTable(string name, string quotedName, IReadOnlyList<SqlTableColumn> columns, SqlTableColumn key)
    {
        Name = name;
        QuotedName = quotedName;
        Columns = columns;
        Key = key;
        _columns = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The table's name with its schema, as messages name it.</summary>
    public string Name { get; }

    /// <summary>The table's name with its schema, quoted for SQL.</summary>
    public string QuotedName { get; }

    /// <summary>The columns, in the table's order.</summary>
    public IReadOnlyList<SqlTableColumn> Columns { get; }

    /// <summary>The key column.</summary>
    public SqlTableColumn Key { get; }

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public SqlTableColumn? Column(string name) => _columns.GetValueOrDefault(name);

    /// <summary>
    /// Describes the table by selecting from it under <c>WHERE 1 = 0</c>: every provider reports the columns of a
    /// result, with the types the database gives them, without reading a row.
    /// </summary>
    /// <exception cref="DestinationUnavailableException">The table cannot be read or has no key column (not transient), or the database failed in a way a retry may cure.</exception>
    public static async Task<SqlTable> DescribeAsync(DbConnection connection, SqlTableDestinationOptions options, SqlDialect dialect, CancellationToken cancellationToken)
    {
        var quotedName = options.Schema is { Length: > 0 } schema ? dialect.Quote(schema) + "." + dialect.Quote(options.Table) : dialect.Quote(options.Table);
        var statement = new SqlStatement(dialect).Append("SELECT * FROM ").Append(quotedName).Append(" WHERE 1 = 0");
        var command = statement.CreateCommand(connection, options.CommandTimeout);
        await using (command.ConfigureAwait(false))
        {
            var columns = new List<SqlTableColumn>();
            try
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var clrType = reader.GetFieldType(i);
                        var dataTypeName = reader.GetDataTypeName(i);
                        columns.Add(new SqlTableColumn(reader.GetName(i), SqlColumnTypes.Of(clrType, dataTypeName), clrType, dataTypeName));
                    }
                }
            }
            catch (Exception ex) when (SqlFailures.IsTransient(ex, connection, cancellationToken))
            {
                throw SqlFailures.DestinationUnavailable(options.QualifiedName, "describe", ex);
            }
            catch (DbException ex)
            {
                throw new DestinationUnavailableException(
                    $"The SQL destination could not describe the table '{options.QualifiedName}': {ex.Message}", ex) { Transient = false };
            }

            var key = columns.Find(c => c.Name == options.KeyColumn) ?? throw new DestinationUnavailableException(
                $"The table '{options.QualifiedName}' has no key column '{options.KeyColumn}'; its columns are {string.Join(", ", columns.Select(c => $"'{c.Name}'"))}.")
            {
                Transient = false,
            };
            return new SqlTable(options.QualifiedName, quotedName, columns, key);
        }
    }
}
