using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Storage;

/// <summary>
/// The prepared statements of one connection and transaction: each is compiled once and then only
/// re-bound, which is most of the cost of a small statement. Disposing finalizes them all.
/// </summary>
internal sealed class CommandSet(SqliteConnection connection, SqliteTransaction? transaction) : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];
    private readonly List<RawStatement> _statements = [];

    /// <summary>Prepares a statement on the raw handle, for the few that run once or more per record.</summary>
    /// <param name="sql">The statement with numbered parameters (<c>?1</c>, <c>?2</c>, …); values are always bound.</param>
    public RawStatement PrepareRaw(string sql)
    {
        var statement = new RawStatement(connection, sql);
        _statements.Add(statement);
        return statement;
    }

    /// <summary>Creates and prepares a command with typed parameters.</summary>
    /// <param name="sql">The statement; values are always parameters, never spliced in.</param>
    /// <param name="parameters">The parameter names (with their <c>$</c>) and types.</param>
    public SqliteCommand Prepare(string sql, params ReadOnlySpan<(string Name, SqliteType Type)> parameters)
    {
        var command = connection.CreateCommand();
        try
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, type) in parameters)
            {
                command.Parameters.Add(name, type);
            }

            command.Prepare();
            _commands.Add(command);
            return command;
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }

        _commands.Clear();
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }

        _statements.Clear();
    }
}
