using System.Text.Json.Nodes;
using Audiences.Cli.Output;
using Spectre.Console;

namespace Audiences.Cli.Cli;

/// <summary>What every command gets: the output writers, the global options, standard input and access to the database.</summary>
internal sealed class CommandContext(CliEnvironment environment, bool json, string databasePath)
{
    /// <summary>Results: human text (tables drawn when it is a terminal), or exactly one JSON document with --json.</summary>
    public TextWriter Out { get; } = json || environment.Terminal is null ? environment.Out : new TerminalWriter(environment.Terminal);

    /// <summary>Errors and progress lines; never parsed by scripts.</summary>
    public TextWriter Error => environment.Error;

    /// <summary>Whether --json was given.</summary>
    public bool Json => json;

    /// <summary>The full path of the SQLite database (--db).</summary>
    public string DatabasePath => databasePath;

    /// <summary>The least time between two progress lines of an import on stderr.</summary>
    public TimeSpan ProgressInterval => environment.ProgressInterval;

    /// <summary>
    /// The terminal that stdout is, to draw progress on, when the output is for people; null when stdout is
    /// redirected or --json is given, so that nothing but the results reaches it.
    /// </summary>
    public IAnsiConsole? Terminal => json ? null : environment.Terminal;

    /// <summary>Opens standard input.</summary>
    public Stream OpenInput() => environment.OpenInput();

    /// <summary>Opens the database given by --db.</summary>
    /// <param name="mustExist">
    /// True for commands that only read: a missing file is then an error rather than a new empty
    /// database, since it is almost always a mistyped path.
    /// </param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <exception cref="InputException"><paramref name="mustExist"/> is true and there is no database file.</exception>
    public Task<AudiencesSession> OpenAsync(bool mustExist, CancellationToken cancellationToken) =>
        AudiencesSession.OpenAsync(CheckDatabasePath(DatabasePath, mustExist), cancellationToken);

    /// <summary>Runs work the SDK reports no progress of, with a spinner on the terminal (and nothing elsewhere).</summary>
    public async Task<T> WithStatusAsync<T>(string status, Func<Task<T>> work) =>
        Terminal is { } terminal ? await terminal.Status().StartAsync(Markup.Escape(status), _ => work()) : await work();

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
