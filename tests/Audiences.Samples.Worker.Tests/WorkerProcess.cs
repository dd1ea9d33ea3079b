using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Audiences.Samples.Worker.Tests;

/// <summary>The built program running as its own process, with what it writes collected as it writes it.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>What it wrote to standard output so far (the console log).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What it wrote to standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts the program in <paramref name="folder"/>, its content root, with the arguments.</summary>
    public static WorkerProcess Start(string folder, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(ProgramPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The host would read these as its environment and content root; the test's own must not leak in.
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("DOTNET_CONTENTROOT");
        var process = new Process { StartInfo = start };
        var running = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => Append(running._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(running._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; fails the test after two minutes.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The program did not write '{text}'. Output:\n{Output}\nError:\n{Error}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends SIGTERM, as a service manager or `docker stop` does.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        kill.ExitCode.Should().Be(0);
    }

    /// <summary>Waits for the program to exit (two minutes at most) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }

    /// <summary>The program as its own project built it, in the configuration of these tests, or the copy beside them.</summary>
    private static string ProgramPath()
    {
        var configuration = typeof(WorkerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Audiences.Sdk.sln")))
        {
            root = root.Parent;
        }

        var candidates = new List<string>();
        if (root is not null)
        {
            candidates.Add(Path.Combine(root.FullName, "samples", "Audiences.Samples.Worker", "bin", configuration, "net10.0", "Audiences.Samples.Worker.dll"));
        }

        candidates.Add(Path.Combine(AppContext.BaseDirectory, "Audiences.Samples.Worker.dll"));
        return candidates.FirstOrDefault(p => File.Exists(p) && File.Exists(Path.ChangeExtension(p, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException($"The built Audiences.Samples.Worker.dll was not found; looked at {string.Join(", ", candidates)}.");
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
