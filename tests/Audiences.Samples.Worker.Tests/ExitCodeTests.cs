using Audiences.Samples.Worker.Hosting;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Samples.Worker.Tests;

/// <summary>The exit code says how the worker ended: 0 after a stop, 1 when it could not do its work.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new WorkerWorkspace().WithContactsSync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Stopping_a_running_worker_exits_0()
    {
        await _workspace.Warehouse.CreateAsync();

        var run = await ExitCodeRun.RunAsync(_workspace, stopWhen: WorkerMatches.Run("contacts", 1));

        run.Code.Should().Be(0, run.Error);
        run.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_exits_1_naming_it()
    {
        await _workspace.Warehouse.CreateAsync();
        var notAFolder = Path.Combine(_workspace.Folder, "file.txt");
        await File.WriteAllTextAsync(notAFolder, "a file where a folder should be");
        _workspace.Settings["Audiences:Database"] = Path.Combine(notAFolder, "audiences.db");

        var run = await ExitCodeRun.RunAsync(_workspace);

        run.Code.Should().Be(1);
        run.Error.Trim().Should().StartWith($"error: the sync worker failed: The store {Path.Combine(notAFolder, "audiences.db")} could not be opened:")
            .And.NotContain("\n");
    }

    [Fact]
    public async Task A_worker_that_fails_exits_1_with_one_line_naming_the_error()
    {
        await _workspace.Warehouse.CreateAsync();

        var run = await ExitCodeRun.RunAsync(_workspace, builder => builder.Services.AddSingleton<ISyncService, FailingStoreSyncService>());

        run.Code.Should().Be(1);
        run.Error.Should().Be($"error: the sync worker failed: {FailingStoreSyncService.Failure}{Environment.NewLine}");
        run.Logs.Events(WorkerEvents.Failed).Should().ContainSingle();
    }
}
