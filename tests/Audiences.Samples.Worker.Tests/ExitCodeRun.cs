using Audiences.Samples.Worker.Hosting;
using Microsoft.Extensions.Hosting;

namespace Audiences.Samples.Worker.Tests;

/// <summary>Runs a host the way the program does, through <see cref="WorkerHost"/>, and keeps its exit code and error lines.</summary>
public sealed record ExitCodeRun(int Code, string Error, LogCapture Logs)
{
    /// <summary>Runs the workspace's host until it stops on its own, or until <paramref name="stopWhen"/> is logged (then stops it as Ctrl+C would).</summary>
    public static async Task<ExitCodeRun> RunAsync(WorkerWorkspace workspace, Action<HostApplicationBuilder>? configure = null, Func<LogEntry, bool>? stopWhen = null)
    {
        var logs = new LogCapture();
        using var stop = new CancellationTokenSource();
        using var error = new StringWriter();
        var run = WorkerHost.RunAsync(error, () =>
        {
            var builder = workspace.CreateBuilder(logs);
            configure?.Invoke(builder);
            return builder;
        }, stop.Token);
        if (stopWhen is not null)
        {
            var stopped = await Task.WhenAny(run, logs.WaitForAsync(stopWhen));
            if (stopped != run)
            {
                await stop.CancelAsync();
            }
        }

        var code = await run.WaitAsync(TimeSpan.FromMinutes(1));
        return new ExitCodeRun(code, error.ToString(), logs);
    }
}
