using System.ComponentModel;
using System.Diagnostics;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The reference of the bulk import: the <c>sqlite3</c> command-line tool's plain <c>.import</c> of the workload
/// file into a fresh database file (one text column per CSV column, named by the header, no index, the tool's
/// default journal), timed from starting the process to its exit.
/// </summary>
internal static class SqliteCliReference
{
    /// <summary>The table the file is imported into.</summary>
    public const string Table = "people";

    private const string Tool = "sqlite3";

    private const string InstallHint =
        "The bulk run times the sqlite3 command-line tool's .import as its reference, and sqlite3 is not on PATH. " +
        "Install it (Debian/Ubuntu: sudo apt-get install -y sqlite3) and run again.";

    /// <summary>The tool's version line.</summary>
    /// <exception cref="MissingToolException">sqlite3 is not on PATH.</exception>
    public static string Version() => Run("-version").Trim();

    /// <summary>Imports <paramref name="csvPath"/> into a new database at <paramref name="databasePath"/>; returns the wall time.</summary>
    /// <exception cref="MissingToolException">sqlite3 is not on PATH.</exception>
    /// <exception cref="InvalidOperationException">The tool failed; the message carries its error output.</exception>
    public static TimeSpan Import(string csvPath, string databasePath)
    {
        if (csvPath.Contains('"', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The CSV path cannot be quoted for sqlite3: {csvPath}", nameof(csvPath));
        }

        Benchmarks.Workload.Workspace.DeleteDatabase(databasePath);
        var watch = Stopwatch.StartNew();
        Run(databasePath, "-cmd", ".mode csv", $".import \"{csvPath}\" {Table}");
        return watch.Elapsed;
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new MissingToolException(InstallHint);
        }
        catch (Win32Exception e)
        {
            throw new MissingToolException(InstallHint, e);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || error.Result.Length > 0)
            {
                throw new InvalidOperationException($"sqlite3 {string.Join(' ', arguments)} failed (exit {process.ExitCode}): {error.Result.Trim()}");
            }

            return output;
        }
    }
}
