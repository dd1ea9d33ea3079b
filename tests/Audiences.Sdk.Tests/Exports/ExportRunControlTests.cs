using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Scheduling;
using Audiences.Sdk.Testing.Destinations;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>One run of an export at a time; a cancelled run is recorded as failed and moves no checkpoint; the schedule.</summary>
public sealed class ExportRunControlTests : IDisposable
{
    private readonly InMemoryDestination _contacts = new(ExportFixture.Contacts());
    private readonly GatedDestinationFactory _gate;
    private readonly ExportFixture _fx;

    public ExportRunControlTests()
    {
        _gate = new GatedDestinationFactory(_contacts);
        _fx = new ExportFixture(configure: b => b.AddDestination(_gate));
    }

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task ASecondRunWhileOneIsInProgress_IsRefused()
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { Destination = GatedDestinationFactory.Settings, CreateNew = true });
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate.BeforeWrite = async token =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(token);
        };

        var first = _fx.Exports.RunAsync("to-crm");
        await entered.Task;
        var second = () => _fx.Exports.RunAsync("to-crm");

        await second.Should().ThrowAsync<InvalidOperationException>().WithMessage("Export 'to-crm' is already running; wait for that run to finish.");
        release.SetResult();
        (await first).Should().Match<ExportRun>(r => r.Status == ExportRunStatus.Completed && r.Created == 1);
        (await _fx.Exports.ListRunsAsync("to-crm")).Should().ContainSingle();
    }

    [Fact]
    public async Task ACancelledRun_IsRecordedAsFailed_AndTheCheckpointStaysWhereItWas()
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with
        {
            Destination = GatedDestinationFactory.Settings,
            CreateNew = true,
            Mappings = [new ExportMapping("score", "score") { Rule = WriteRule.Always }],
        });
        await _fx.Exports.RunAsync("to-crm");
        var checkpoint = await _fx.Runs.GetCheckpointAsync("to-crm");
        await _fx.PersonAsync("Ada", score: 2);

        using var cancel = new CancellationTokenSource();
        _gate.BeforeWrite = async token =>
        {
            await cancel.CancelAsync();
            token.ThrowIfCancellationRequested();
        };
        var running = () => _fx.Exports.RunAsync("to-crm", cancel.Token);

        await running.Should().ThrowAsync<OperationCanceledException>();
        (await _fx.Exports.ListRunsAsync("to-crm", 1)).Single().Should().Match<ExportRun>(r => r.Status == ExportRunStatus.Failed && r.Failure == "the run was cancelled");
        (await _fx.Runs.GetCheckpointAsync("to-crm")).Should().Be(checkpoint);

        _gate.BeforeWrite = null;
        (await _fx.Exports.RunAsync("to-crm")).Should().Match<ExportRun>(r => !r.Full && r.Updated == 1, "the next run sends what the cancelled one did not");
    }

    [Fact]
    public async Task TheSchedule_RunsANeverRunExportNow_ThenEveryIntervalFromTheLastStart_AndLeavesHandRunExportsAlone()
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.Exports.SaveAsync(ExportFixture.Everyone("hourly") with { Destination = GatedDestinationFactory.Settings, CreateNew = true, Every = TimeSpan.FromHours(1) });
        await _fx.Exports.SaveAsync(ExportFixture.Everyone("by-hand") with { Destination = GatedDestinationFactory.Settings, Every = null });
        var scheduler = _fx.Workspace.Services.GetRequiredService<ExportScheduler>();

        (await _fx.Exports.GetNextDueAsync()).Should().Be(_fx.Clock.GetUtcNow());
        var first = await scheduler.RunDueAsync();
        first.Should().ContainSingle().Which.Should().Match<ExportRun>(r => r.Export == "hourly" && r.Trigger == ExportTrigger.Schedule);
        var started = first[0].StartedAt;

        (await _fx.Exports.GetNextDueAsync()).Should().Be(started.AddHours(1));
        _fx.Clock.Advance(TimeSpan.FromMinutes(59));
        (await scheduler.RunDueAsync()).Should().BeEmpty();
        _fx.Clock.Advance(TimeSpan.FromMinutes(2));
        (await scheduler.RunDueAsync()).Should().ContainSingle().Which.Export.Should().Be("hourly");
        (await _fx.Exports.ListRunsAsync("by-hand")).Should().BeEmpty();
    }
}
