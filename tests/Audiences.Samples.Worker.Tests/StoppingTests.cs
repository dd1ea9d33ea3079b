using Audiences.Samples.Worker.Hosting;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Tests;

/// <summary>Stopping the host is a clean stop: prompt, the worker's task done, nothing at error level.</summary>
public sealed class StoppingTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new WorkerWorkspace().WithContactsSync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task StopAsync_finishes_promptly_the_worker_task_completes_and_nothing_is_logged_at_error_level()
    {
        await _workspace.Warehouse.CreateAsync();
        await _workspace.Warehouse.PutAsync(1, "ada@example.com", "Ada", "CTO", WorkerWorkspace.Start.AddHours(-1));
        var worker = await RunningWorker.StartAsync(_workspace);
        await worker.Logs.WaitForAsync(WorkerMatches.Run("contacts", 1));

        await worker.StopAsync();

        worker.WorkerTask.IsCompletedSuccessfully.Should().BeTrue();
        worker.Logs.Events(WorkerEvents.Stopping).Should().ContainSingle();
        worker.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Should().BeEmpty();
        await worker.DisposeAsync();
    }

    [Fact]
    public async Task Stopping_before_anything_is_due_is_a_clean_stop_too()
    {
        await _workspace.Warehouse.CreateAsync();
        var worker = await RunningWorker.StartAsync(_workspace);
        await worker.Logs.WaitForAsync(WorkerMatches.Run("contacts", 1));
        _workspace.Clock.Advance(TimeSpan.FromMinutes(5));

        await worker.StopAsync();

        worker.WorkerTask.IsCompletedSuccessfully.Should().BeTrue();
        worker.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Should().BeEmpty();
        await worker.DisposeAsync();
    }
}
