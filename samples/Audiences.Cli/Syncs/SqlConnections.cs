using System.Data.Common;
using Audiences.Cli.Cli;
using Microsoft.Data.Sqlite;

namespace Audiences.Cli.Syncs;

/// <summary>Checks <c>--provider</c> and <c>--connection</c> before anything is stored, and makes the connection usable from any folder.</summary>
internal static class SqlConnections
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>Reads <c>--provider</c>.</summary>
    /// <exception cref="InputException">The provider is not one the tool registers.</exception>
    public static string Provider(string value) => value.Trim().ToLowerInvariant() switch
    {
        Sqlite => Sqlite,
        Postgres or "postgresql" or "npgsql" => Postgres,
        _ => throw new InputException($"--provider '{value}' is not a provider this tool knows; use sqlite or postgres."),
    };

    /// <summary>
    /// The connection string to store for <paramref name="provider"/>. A SQLite file must exist: the provider would
    /// otherwise create an empty one and read nothing from it. Its path is stored in full, and the file is opened read-only,
    /// so a later run from another folder reads the same file and a file deleted meanwhile is reported, not recreated.
    /// </summary>
    /// <param name="provider">The provider, as <see cref="Provider"/> read it.</param>
    /// <param name="connection">The connection string given.</param>
    /// <param name="readOnly">False for an export, which writes to the file (it must still exist: its table is written, not created).</param>
    /// <exception cref="InputException">The connection string does not parse, or the SQLite file is not there.</exception>
    public static string Resolve(string provider, string connection, bool readOnly = true)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InputException("--connection is empty; give the database's connection string, e.g. \"Data Source=warehouse.db\".");
        }

        try
        {
            if (provider == Sqlite)
            {
                return ResolveSqlite(connection, readOnly);
            }

            // Parsed only to refuse malformed text here, by option, rather than as a provider error mid-run.
            _ = new DbConnectionStringBuilder { ConnectionString = connection };
            return connection;
        }
        catch (ArgumentException e)
        {
            throw new InputException($"--connection is not a connection string: {ErrorMessages.WithoutParameterName(e)}", e);
        }
    }

    /// <summary>A short name for the database, the default source name: the SQLite file's name, or the PostgreSQL database's.</summary>
    public static string DatabaseName(string provider, string connection)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connection };
        if (provider == Sqlite)
        {
            return Path.GetFileNameWithoutExtension(new SqliteConnectionStringBuilder(connection).DataSource);
        }

        return builder.TryGetValue("Database", out var database) && database is string { Length: > 0 } name ? name : Postgres;
    }

    private static string ResolveSqlite(string connection, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder(connection);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new InputException("--connection names no SQLite file; give one, e.g. \"Data Source=warehouse.db\".");
        }

        var path = Path.GetFullPath(builder.DataSource);
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new InputException(readOnly
                ? $"--connection: the SQLite file '{path}' does not exist; check the path (it is not created, since an empty file has nothing to import)."
                : $"--connection: the SQLite file '{path}' does not exist; check the path (it is not created, since an export writes to a table that is already there).");
        }

        builder.DataSource = path;
        if (readOnly && builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadOnly;
        }

        return builder.ToString();
    }
}
