using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Audiences.Cli.Tests;

/// <summary>Runs the built program as its own process, to prove the real entry point works.</summary>
public sealed class ProcessEntryPointTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task The_built_program_runs_the_demo()
    {
        var (code, stdout, stderr) = await RunProcessAsync("--json", "demo", "--db", _workspace.DatabasePath);

        code.Should().Be(0, stderr);
        var json = JsonNode.Parse(stdout)!;
        ((long)json["totals"]!["merged"]!).Should().BeGreaterThan(0);
        File.Exists(Path.Combine(_workspace.Folder, "demo.db")).Should().BeTrue();
    }

    [Fact]
    public async Task The_built_program_exits_2_on_a_usage_error()
    {
        var (code, stdout, stderr) = await RunProcessAsync("frobnicate");

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("error: ").And.Contain("error: Unrecognized command or argument 'frobnicate'.");
    }

    [Fact]
    public async Task The_built_program_imports_csv_piped_to_its_standard_input()
    {
        var csv = "email,name,score\nada@example.com,Ada,91\ngrace@example.com,Grace,88\nalan@example.com,Alan,95\n";

        var (code, stdout, stderr) = await RunProcessAsync(csv, ["--json", "--db", _workspace.DatabasePath, "import", "csv", "--kind", "person", "--file", "-", "--source", "crm"]);
        var (countCode, count, _) = await RunProcessAsync("--db", _workspace.DatabasePath, "count", "--kind", "person", "--filter", "score > 90");

        code.Should().Be(0, stderr);
        ((long)JsonNode.Parse(stdout)!["created"]!).Should().Be(3);
        stderr.Should().BeEmpty();
        countCode.Should().Be(0);
        count.Trim().Should().Be("2", "the score column was read as numbers from the pipe");
    }

    private Task<(int Code, string Stdout, string Stderr)> RunProcessAsync(params string[] args) => RunProcessAsync(input: null, args);

    /// <summary>Runs the program; <paramref name="input"/> is written to its standard input, which is then closed.</summary>
    private async Task<(int Code, string Stdout, string Stderr)> RunProcessAsync(string? input, string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _workspace.Folder,
        };
        start.ArgumentList.Add(ProgramPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The program did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The program as its own project built it, in the configuration of these tests.</summary>
    private static string ProgramPath()
    {
        var configuration = typeof(ProcessEntryPointTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Audiences.Sdk.sln")))
        {
            root = root.Parent;
        }

        var candidates = new List<string>();
        if (root is not null)
        {
            candidates.Add(Path.Combine(root.FullName, "samples", "Audiences.Cli", "bin", configuration, "net10.0", "Audiences.Cli.dll"));
        }

        // The build also copies the program and its runtime settings next to the tests.
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "Audiences.Cli.dll"));
        return candidates.FirstOrDefault(p => File.Exists(p) && File.Exists(Path.ChangeExtension(p, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException($"The built Audiences.Cli.dll was not found; looked at {string.Join(", ", candidates)}.");
    }

    /// <summary>The dotnet host running these tests, so the program runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
