using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// A statement the source sends: SQL text written from the checked query, quoted column names and placeholders,
/// and the values bound to those placeholders. No value is ever written into the text.
/// </summary>
internal sealed class SqlStatement
{
    private readonly SqlDialect _dialect;
    private readonly StringBuilder _text = new();
    private readonly List<object> _values = [];

    public SqlStatement(SqlDialect dialect)
    {
        _dialect = dialect;
    }

    /// <summary>The SQL text.</summary>
    public string Text => _text.ToString();

    /// <summary>The values, in placeholder order.</summary>
    public IReadOnlyList<object> Values => _values;

    /// <summary>Appends SQL text.</summary>
    public SqlStatement Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    /// <summary>Appends a placeholder bound to <paramref name="value"/>.</summary>
    public SqlStatement Value(object value)
    {
        _text.Append(_dialect.Placeholder(_values.Count));
        _values.Add(value);
        return this;
    }

    /// <summary>A command of this statement on <paramref name="connection"/>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="timeout">The command timeout, or null for the provider's.</param>
    [SuppressMessage("Security", "CA2100", Justification = "The text is the configured query, quoted column names and placeholders; every value is a parameter.")]
    public DbCommand CreateCommand(DbConnection connection, TimeSpan? timeout)
    {
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = Text;
            if (timeout is { } limit)
            {
                command.CommandTimeout = (int)Math.Ceiling(limit.TotalSeconds);
            }

            for (var i = 0; i < _values.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = _dialect.ParameterName(i);
                parameter.Value = _values[i];
                command.Parameters.Add(parameter);
            }

            return command;
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }
}
