using System.Text.Json.Nodes;
using Audiences.Cli.Output;

namespace Audiences.Cli.Cli;

/// <summary>What every command gets: the output writers, the global options and access to the database.</summary>
internal sealed class CommandContext(TextWriter output, TextWriter error, bool json, string databasePath, TimeSpan progressInterval)
{
    /// <summary>Results: human text, or exactly one JSON document with --json.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Errors and progress; never parsed by scripts.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Whether --json was given.</summary>
    public bool Json { get; } = json;

    /// <summary>The full path of the SQLite database (--db).</summary>
    public string DatabasePath { get; } = databasePath;

    /// <summary>The least time between two progress lines of an import.</summary>
    public TimeSpan ProgressInterval { get; } = progressInterval;

    /// <summary>Opens the database given by --db.</summary>
    /// <param name="mustExist">
    /// True for commands that only read: a missing file is then an error rather than a new empty
    /// database, since it is almost always a mistyped path.
    /// </param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="InputException"><paramref name="mustExist"/> is true and there is no database file.</exception>
    public Task<AudiencesSession> OpenAsync(bool mustExist, CancellationToken cancellationToken) =>
        AudiencesSession.OpenAsync(CheckDatabasePath(DatabasePath, mustExist), cancellationToken);

    /// <summary>Checks that a database path can be opened, and returns it.</summary>
    /// <exception cref="InputException">The folder is missing, or <paramref name="mustExist"/> is true and the file is.</exception>
    public static string CheckDatabasePath(string path, bool mustExist)
    {
        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new InputException($"--db: the folder '{folder}' does not exist; create it or choose another path.");
        }

        if (mustExist && !File.Exists(path))
        {
            throw new InputException(
                $"--db: there is no database at '{path}'; import a file first (import csv ...), run 'demo', or correct the path.");
        }

        return path;
    }

    public void WriteJson(JsonNode document) => JsonOutput.Write(Out, document);
}
