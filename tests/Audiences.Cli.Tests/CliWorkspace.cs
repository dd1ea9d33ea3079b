using Audiences.Cli.Cli;

namespace Audiences.Cli.Tests;

/// <summary>
/// A temporary folder for one test's database and CSV files, and a way to run the command line
/// in-process against it (with --db pointing into the folder unless the test gives its own).
/// </summary>
public sealed class CliWorkspace : IDisposable
{
    public CliWorkspace()
    {
        Folder = Path.Combine(Path.GetTempPath(), "audiences-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "audiences.db");

    /// <summary>Writes a CSV file into the folder and returns its path.</summary>
    public string WriteCsv(string name, params string[] lines)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + (lines.Length > 0 ? "\n" : ""));
        return path;
    }

    /// <summary>Runs the command line with --db set to this workspace's database.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunRawAsync(["--db", DatabasePath, .. args]);

    /// <summary>Runs the command line with exactly the given arguments.</summary>
    public static async Task<CliResult> RunRawAsync(string[] args, TimeSpan? progressInterval = null, TextWriter? stderr = null, CancellationToken cancellationToken = default)
    {
        using var stdout = new StringWriter();
        using var ownStderr = new StringWriter();
        var environment = new CliEnvironment(stdout, stderr ?? ownStderr)
        {
            OpenInput = () => throw new InvalidOperationException("This test gives no standard input."),
            ProgressInterval = progressInterval ?? TimeSpan.FromHours(1),
        };
        var code = await CliApp.RunAsync(args, environment, cancellationToken);
        return new CliResult(code, stdout.ToString(), (stderr ?? ownStderr).ToString() ?? string.Empty);
    }

    /// <summary>Runs the command line with --db set to this workspace's database, in an environment the test sets up.</summary>
    internal async Task<CliResult> RunAsync(Func<CliEnvironment, CliEnvironment> setUp, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = setUp(new CliEnvironment(stdout, stderr) { ProgressInterval = TimeSpan.FromHours(1) });
        var code = await CliApp.RunAsync(["--db", DatabasePath, .. args], environment, CancellationToken.None);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test for it is not.
        }
    }
}
