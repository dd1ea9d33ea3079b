using Audiences.Samples.Worker.Hosting;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Samples.Worker.Tests;

/// <summary>A sync its source refuses when it is saved is reported and skipped; the others run.</summary>
public sealed class RefusedSyncTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new WorkerWorkspace().WithContactsSync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Refused_syncs_are_reported_while_the_good_one_runs()
    {
        await SeedAsync();
        _workspace.WithContactsSync(1, "unknown-column");
        _workspace.Settings["Audiences:Syncs:1:Mappings:0"] = "jobtitle=title";
        AddCsvSync(2, "missing-file", "nowhere/people.csv");
        _workspace.WithContactsSync(3, "missing-warehouse");
        _workspace.Settings["Audiences:Syncs:3:Settings:connection"] = $"Data Source={Path.Combine(_workspace.Folder, "absent.db")};Mode=ReadOnly";

        await using var worker = await RunningWorker.StartAsync(_workspace);
        var run = await worker.Logs.WaitForAsync(WorkerMatches.Run("contacts", 1));

        run.EventId.Id.Should().Be(WorkerEvents.RunSucceeded, run.Message);
        var refused = worker.Logs.Events(WorkerEvents.Refused);
        refused.Select(e => e["Sync"]).Should().BeEquivalentTo("unknown-column", "missing-file", "missing-warehouse");
        refused.Single(e => e["Sync"] == "unknown-column")["Reason"].Should().Contain("'jobtitle'");
        refused.Single(e => e["Sync"] == "missing-file")["Reason"].Should().Contain("people.csv");
        File.Exists(Path.Combine(_workspace.Folder, "absent.db")).Should().BeFalse("a read-only connection never creates the warehouse");
        var stored = await worker.Services.GetRequiredService<ISyncService>().ListAsync();
        stored.Select(d => d.Name).Should().Equal("contacts");
        worker.Logs.Events(WorkerEvents.Started).Single()["Saved"].Should().Be("1");
    }

    [Fact]
    public async Task A_refused_sync_whose_earlier_definition_is_stored_keeps_running_on_that_definition()
    {
        await SeedAsync();
        await using (var first = await RunningWorker.StartAsync(_workspace))
        {
            await first.Logs.WaitForAsync(WorkerMatches.Run("contacts", 1));
        }

        _workspace.Settings["Audiences:Syncs:0:Mappings:0"] = "jobtitle=title";
        await using var worker = await RunningWorker.StartAsync(_workspace);
        var warning = await worker.Logs.WaitForAsync(WorkerMatches.Event(WorkerEvents.RefusedEarlierKeepsRunning, "contacts"));
        var next = await worker.AdvanceUntilAsync(WorkerMatches.Run("contacts", 2));

        warning.Message.Should().Contain("The definition stored earlier keeps running.");
        next.EventId.Id.Should().Be(WorkerEvents.RunSucceeded, next.Message);
        var stored = await worker.Services.GetRequiredService<ISyncService>().GetAsync("contacts");
        stored!.Mappings.Single().SourceField.Should().Be("job_title");
    }

    [Fact]
    public async Task A_sync_whose_database_cannot_be_reached_is_skipped_and_the_worker_runs_on()
    {
        await SeedAsync();
        _workspace.WithContactsSync(1, "unreachable");
        _workspace.Settings["Audiences:Syncs:1:Settings:provider"] = "postgres";

        // Nothing listens on port 1 of the loopback: the connection is refused at once, without a network.
        _workspace.Settings["Audiences:Syncs:1:Settings:connection"] = "Host=127.0.0.1;Port=1;Username=reader;Timeout=5";

        await using var worker = await RunningWorker.StartAsync(_workspace);
        var refused = await worker.Logs.WaitForAsync(WorkerMatches.Event(WorkerEvents.Refused, "unreachable"));
        var run = await worker.Logs.WaitForAsync(WorkerMatches.Run("contacts", 1));

        refused["SourceType"].Should().Be("sql");
        run.EventId.Id.Should().Be(WorkerEvents.RunSucceeded, run.Message);
        worker.WorkerTask.IsCompleted.Should().BeFalse();
    }

    private void AddCsvSync(int index, string name, string path)
    {
        _workspace.Settings[$"Audiences:Syncs:{index}:Name"] = name;
        _workspace.Settings[$"Audiences:Syncs:{index}:SourceType"] = "csv";
        _workspace.Settings[$"Audiences:Syncs:{index}:Settings:path"] = path;
        _workspace.Settings[$"Audiences:Syncs:{index}:IdField"] = "email";
    }

    private async Task SeedAsync()
    {
        await _workspace.Warehouse.CreateAsync();
        await _workspace.Warehouse.PutAsync(1, "ada@example.com", "Ada", "CTO", WorkerWorkspace.Start.AddHours(-1));
    }
}
