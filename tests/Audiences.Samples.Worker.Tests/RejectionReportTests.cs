using Audiences.Samples.Worker.Hosting;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Tests;

/// <summary>A run's rejections are reported with their reasons, the first five of them; the run's history keeps the rest.</summary>
public sealed class RejectionReportTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new WorkerWorkspace().WithContactsSync();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task The_first_five_rejection_reasons_are_logged_and_the_rest_counted()
    {
        await _workspace.Warehouse.CreateAsync();
        for (var id = 1; id <= 7; id++)
        {
            await _workspace.Warehouse.PutAsync(id, $"person{id}@example.com", $"Person {id}", "Engineer", WorkerWorkspace.Start.AddHours(-1));
        }

        // Every row read twice: the second reading of each id is rejected.
        _workspace.Settings["Audiences:Syncs:0:Settings:query"] =
            "SELECT id, email, first_name, job_title, updated_at FROM contacts UNION ALL SELECT id, email, first_name, job_title, updated_at FROM contacts";
        await using var worker = await RunningWorker.StartAsync(_workspace);

        var run = await worker.Logs.WaitForAsync(WorkerMatches.Run("contacts", 1));
        var more = await worker.Logs.WaitForAsync(WorkerMatches.Event(WorkerEvents.MoreRejections, "contacts"));

        run["Rejected"].Should().Be("7");
        var reasons = worker.Logs.Events(WorkerEvents.Rejection);
        reasons.Should().HaveCount(5).And.OnlyContain(e => e.Level == LogLevel.Warning && e["Reason"]!.Contains("appears again"));
        more["More"].Should().Be("2");
    }
}
