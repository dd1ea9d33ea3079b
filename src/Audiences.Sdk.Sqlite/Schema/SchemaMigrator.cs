using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Schema;

/// <summary>
/// Brings a database's schema up to date: applies, in one transaction, every step newer than the
/// version recorded in <c>schema_version</c>. Applying to an up-to-date database does nothing.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Applies the missing steps of <paramref name="migrations"/>.</summary>
    /// <param name="connection">An open connection with no transaction.</param>
    /// <param name="migrations">The steps, in version order.</param>
    /// <param name="fileName">The database file, named in errors.</param>
    /// <returns>The schema version after the call.</returns>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of the store.</exception>
    public static int Apply(SqliteConnection connection, IReadOnlyList<Migration> migrations, string fileName)
    {
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;

        // An up-to-date database is the common case: checking it only reads, so opening a store
        // does not queue for the write lock behind another process's import.
        using (var read = connection.BeginTransaction(deferred: true))
        {
            if (HasVersionTable(connection, read) && CurrentVersion(connection, read) == latest)
            {
                return latest;
            }
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL)
            """);

        var current = CurrentVersion(connection, transaction);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The profile database '{fileName}' has schema version {current}, but this version of Audiences.Sdk.Sqlite knows "
                + $"versions up to {latest}. The file was written by a newer release: upgrade the Audiences.Sdk.Sqlite package, "
                + "or open another file.");
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            Execute(connection, transaction, migration.Sql);
            migration.Backfill?.Invoke(connection, transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, description) VALUES ($version, $description)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$description", migration.Description);
            record.ExecuteNonQuery();
            current = migration.Version;
        }

        transaction.Commit();
        return current;
    }

    /// <summary>The schema version recorded in the database, 0 when none is.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static bool HasVersionTable(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        return command.ExecuteScalar() is not null;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
