using Audiences.Samples.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Samples.Worker.Tests;

/// <summary>A host started in-process from a workspace; the clock moves only when a test moves it.</summary>
public sealed class RunningWorker : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly FakeTimeProvider _clock;

    private RunningWorker(IHost host, FakeTimeProvider clock, LogCapture logs)
    {
        _host = host;
        _clock = clock;
        Logs = logs;
    }

    /// <summary>What the host logged.</summary>
    public LogCapture Logs { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The worker's background task.</summary>
    public Task WorkerTask => _host.Services.GetServices<IHostedService>().OfType<SyncWorker>().Single().ExecuteTask!;

    /// <summary>Builds and starts a host for the workspace.</summary>
    public static async Task<RunningWorker> StartAsync(WorkerWorkspace workspace)
    {
        var logs = new LogCapture();
        var host = workspace.CreateBuilder(logs).Build();
        await host.StartAsync();
        return new RunningWorker(host, workspace.Clock, logs);
    }

    /// <summary>
    /// Moves the clock a minute at a time, giving the worker a moment to wake after each, until a message matches;
    /// fails the test when none does within <paramref name="maxMinutes"/>.
    /// </summary>
    public async Task<LogEntry> AdvanceUntilAsync(Func<LogEntry, bool> match, int maxMinutes = 60)
    {
        for (var minute = 0; minute < maxMinutes; minute++)
        {
            if (Logs.Entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            _clock.Advance(TimeSpan.FromMinutes(1));
            await Logs.SeenWithinAsync(match, TimeSpan.FromMilliseconds(200));
        }

        return await Logs.WaitForAsync(match, TimeSpan.FromSeconds(5));
    }

    /// <summary>Stops the host, allowing it a generous 30 seconds.</summary>
    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
