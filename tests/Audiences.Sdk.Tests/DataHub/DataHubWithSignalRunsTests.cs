using Audiences.Sdk.DataHub;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Tests.Signals.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Tests.DataHub;

/// <summary>The Data Hub over real signal runs: spend, last run, companions and the fields signals fill.</summary>
public sealed class DataHubWithSignalRunsTests : IDisposable
{
    private readonly SignalFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private IDataHubService Hub => _fx.Workspace.Services.GetRequiredService<IDataHubService>();

    [Fact]
    public async Task AfterARun_TheHubShowsTheSpendAgainstTheCap_TheLastRun_AndTheFieldsTheSignalFilled()
    {
        foreach (var name in new[] { "Ada", "Grace", "Alan", "Edsger" })
        {
            await _fx.PersonAsync(name);
        }

        await _fx.TitleChangedAsync("Ada", "CTO", TimeSpan.FromDays(10));
        var everyone = await _fx.EveryoneAsync();
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));
        await _fx.Signals.SetBudgetAsync("job-moves", 10);
        var run = await _fx.Signals.RunAsync("job-moves");

        var signal = (await Hub.ListSignalsAsync()).Should().ContainSingle().Subject;
        var fields = await Hub.ListFieldsAsync(EntityKind.Person);
        var overview = await Hub.GetOverviewAsync();

        signal.Should().Match<DataHubSignal>(s => s.Name == "job-moves" && s.Budget.Cap == 10 && s.Budget.Spent == 4 && s.LastRun!.Id == run.Id);
        signal.LastRun!.Fired.Should().Be(1);
        signal.Audiences.Select(a => a.Name).Should().Equal("Everyone");
        signal.Fields.Should().Equal("signal_job_moves", "signal_job_moves_details", "signal_summary");
        fields.Should().ContainSingle(f => f.Key == "signal_job_moves").Which.Should().Match<DataHubField>(
            f => f.FilledCount == 1 && f.RecordCount == 4 && f.Source == "signal:job-moves" && f.Signals.SequenceEqual(new[] { "job-moves" }));
        fields.Should().ContainSingle(f => f.Key == "signal_summary").Which.Signals.Should().Equal("job-moves");
        overview.Signals.Should().Be(1);
    }
}
