using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>One read: a pooled connection in a read transaction, so every query of the read sees the same committed snapshot.</summary>
internal sealed class ReadScope : IDisposable
{
    private ProfileQueries? _profiles;

    public ReadScope(SqliteConnection connection)
    {
        Connection = connection;
        Transaction = connection.BeginTransaction(deferred: true);
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction Transaction { get; }

    /// <summary>The profile lookups on this scope's snapshot.</summary>
    public ProfileQueries Profiles => _profiles ??= new ProfileQueries(Connection, Transaction);

    /// <summary>An unprepared command in the scope's transaction, for a statement run once.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return command;
    }

    public void Dispose()
    {
        _profiles?.Dispose();
        Transaction.Dispose();
        Connection.Dispose();
    }
}
