using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Warehouse;

/// <summary>The statements that apply one write to a destination table, values typed from its columns and bound as parameters.</summary>
internal sealed class SqlTableStatements(SqlTable table, SqlDialect dialect)
{
    /// <summary>The columns and parameter values a write sets (its key column left out), or the reason it cannot be written.</summary>
    public (List<(SqlTableColumn Column, object Value)> Values, string? Problem) Values(DestinationWrite write)
    {
        var values = new List<(SqlTableColumn, object)>();
        foreach (var (name, value) in write.Values)
        {
            if (table.Column(name) is not { } column)
            {
                return ([], $"The table '{table.Name}' has no column '{name}'.");
            }

            if (column == table.Key)
            {
                continue;
            }

            if (SqlParameterValues.ToParameter(value, column, out var problem) is not { } parameter)
            {
                return ([], $"The column '{name}' of the table '{table.Name}' {problem}.");
            }

            values.Add((column, parameter));
        }

        return (values, null);
    }

    /// <summary><c>UPDATE table SET column = value, ... WHERE key = @k</c>.</summary>
    public SqlStatement Update(object key, IReadOnlyList<(SqlTableColumn Column, object Value)> values)
    {
        var statement = new SqlStatement(dialect).Append("UPDATE ").Append(table.QuotedName).Append(" SET ");
        for (var i = 0; i < values.Count; i++)
        {
            statement.Append(i == 0 ? string.Empty : ", ").Append(dialect.Quote(values[i].Column.Name)).Append(" = ").Value(values[i].Value);
        }

        return WhereKey(statement, key);
    }

    /// <summary><c>INSERT INTO table (key, column, ...) VALUES (@k, value, ...)</c>.</summary>
    public SqlStatement Insert(object key, IReadOnlyList<(SqlTableColumn Column, object Value)> values)
    {
        var statement = new SqlStatement(dialect).Append("INSERT INTO ").Append(table.QuotedName).Append(" (").Append(dialect.Quote(table.Key.Name));
        foreach (var (column, _) in values)
        {
            statement.Append(", ").Append(dialect.Quote(column.Name));
        }

        statement.Append(") VALUES (").Value(key);
        foreach (var (_, value) in values)
        {
            statement.Append(", ").Value(value);
        }

        return statement.Append(")");
    }

    /// <summary><c>SELECT COUNT(*) FROM table WHERE key = @k</c>.</summary>
    public SqlStatement Count(object key) =>
        WhereKey(new SqlStatement(dialect).Append("SELECT COUNT(*) FROM ").Append(table.QuotedName), key);

    /// <summary><c>DELETE FROM table WHERE key = @k</c>.</summary>
    public SqlStatement Delete(object key) =>
        WhereKey(new SqlStatement(dialect).Append("DELETE FROM ").Append(table.QuotedName), key);

    /// <summary><c>SELECT key, columns FROM table WHERE key IN (@k0, @k1, ...)</c>.</summary>
    public SqlStatement Select(IReadOnlyList<object> keys, IReadOnlyList<SqlTableColumn> columns)
    {
        var statement = new SqlStatement(dialect).Append("SELECT ").Append(dialect.Quote(table.Key.Name));
        foreach (var column in columns)
        {
            statement.Append(", ").Append(dialect.Quote(column.Name));
        }

        statement.Append(" FROM ").Append(table.QuotedName).Append(" WHERE ").Append(dialect.Quote(table.Key.Name)).Append(" IN (");
        for (var i = 0; i < keys.Count; i++)
        {
            statement.Append(i == 0 ? string.Empty : ", ").Value(keys[i]);
        }

        return statement.Append(")");
    }

    /// <summary>The values of a record read back, by column.</summary>
    public static FieldValue Read(object? value, SqlTableColumn column) => SqlValues.Convert(value, column.Type, out _);

    private SqlStatement WhereKey(SqlStatement statement, object key) =>
        statement.Append(" WHERE ").Append(dialect.Quote(table.Key.Name)).Append(" = ").Value(key);
}
