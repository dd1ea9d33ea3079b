using Audiences.Samples.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Tests;

/// <summary>A membership refresh that fails is logged, and the worker goes on running syncs.</summary>
public sealed class FailedRefreshTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new WorkerWorkspace().WithContactsSync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_failed_refresh_is_logged_and_the_next_run_still_happens()
    {
        await _workspace.Warehouse.CreateAsync();
        await _workspace.Warehouse.PutAsync(1, "ada@example.com", "Ada", "CTO", WorkerWorkspace.Start.AddHours(-1));
        _workspace.ConfigureServices = services => services.AddSingleton(FailingRefreshAudienceService.Create());
        await using var worker = await RunningWorker.StartAsync(_workspace);

        var failed = await worker.Logs.WaitForAsync(WorkerMatches.Event(WorkerEvents.RefreshFailed, "contacts"));
        await _workspace.Warehouse.PutAsync(2, "bob@example.com", "Bob", "CEO", _workspace.Clock.GetUtcNow());
        var next = await worker.AdvanceUntilAsync(WorkerMatches.Run("contacts", 2));

        failed.Level.Should().Be(LogLevel.Warning);
        failed.Exception!.Message.Should().Be(FailingRefreshAudienceService.Failure);
        next.EventId.Id.Should().Be(WorkerEvents.RunSucceeded, next.Message);
        await worker.Logs.WaitForAsync(e => e.EventId.Id == WorkerEvents.RefreshFailed && e != failed);
        worker.WorkerTask.IsCompleted.Should().BeFalse();
    }
}
