using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Tests.Signals.Runs;

/// <summary>Recurring signals on a fake clock, and what a run would cost before it is paid for.</summary>
public sealed class SignalScheduleTests : IDisposable
{
    private readonly SignalFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task ADailySignal_IsDueAtOnce_ThenOneDayAfterEachRunStarted_NotBefore()
    {
        await _fx.PersonAsync("Ada");
        var everyone = await _fx.EveryoneAsync();
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone) with { Every = TimeSpan.FromDays(1) });

        (await _fx.Signals.GetNextDueAsync()).Should().Be(SignalFixture.Start, "a recurring signal that never ran is due now");
        var first = await RunDueAsync();
        var nextDue = await _fx.Signals.GetNextDueAsync();
        _fx.Clock.Advance(TimeSpan.FromHours(23));
        var early = await RunDueAsync();
        _fx.Clock.Advance(TimeSpan.FromHours(1));
        var onTime = await RunDueAsync();

        first.Should().ContainSingle().Which.Should().Match<SignalRun>(r => r.Trigger == SignalTrigger.Schedule && r.Checked == 1);
        nextDue.Should().Be(SignalFixture.Start.AddDays(1));
        early.Should().BeEmpty();
        onTime.Should().ContainSingle().Which.StartedAt.Should().Be(SignalFixture.Start.AddDays(1));
        (await _fx.Signals.ListRunsAsync("job-moves")).Should().HaveCount(2);
    }

    [Fact]
    public async Task AnOverdueSignal_IsDueNow_AndOnlyItsOwnLastRunCounts()
    {
        await _fx.PersonAsync("Ada");
        var everyone = await _fx.EveryoneAsync();
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone) with { Every = TimeSpan.FromDays(1) });
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone) with { Name = "weekly", Every = TimeSpan.FromDays(7) });
        await RunDueAsync();

        _fx.Clock.Advance(TimeSpan.FromDays(3));
        var now = _fx.Clock.GetUtcNow();
        var nextDue = await _fx.Signals.GetNextDueAsync();
        var due = await RunDueAsync();

        nextDue.Should().Be(now, "the daily signal fell due two days ago");
        due.Select(r => r.Signal).Should().Equal("job-moves");
    }

    [Fact]
    public async Task ASignalRunByHand_IsNeverDue_AndAManualRunDoesNotCountAsScheduled()
    {
        await _fx.PersonAsync("Ada");
        var everyone = await _fx.EveryoneAsync();
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));

        var manual = await _fx.Signals.RunAsync("job-moves");
        _fx.Clock.Advance(TimeSpan.FromDays(400));

        manual.Trigger.Should().Be(SignalTrigger.Manual);
        (await _fx.Signals.GetNextDueAsync()).Should().BeNull();
        (await RunDueAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task OnTheSchedule_ARunThatFailsOutright_IsHandedOutAsFailed_AndTheSignalsDueAfterItStillRun()
    {
        await _fx.PersonAsync("Ada");
        var everyone = await _fx.EveryoneAsync();
        var doomed = await _fx.EveryoneAsync("Doomed");
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(doomed) with { Name = "a-doomed", Every = TimeSpan.FromDays(1) });
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone) with { Name = "b-fine", Every = TimeSpan.FromDays(1) });
        await _fx.Audiences.DeleteAsync(doomed);

        var runs = await RunDueAsync();

        runs.Select(r => (r.Signal, r.Status)).Should().Equal(("a-doomed", SignalRunStatus.Failed), ("b-fine", SignalRunStatus.Completed));
        runs[0].Failure.Should().NotBeNullOrEmpty();
        (await _fx.Signals.ListRunsAsync("a-doomed")).Single().Should().BeEquivalentTo(runs[0], "the failed run handed out is the one recorded");
    }

    [Fact]
    public async Task PreviewCost_CountsEachMemberOnceAcrossOverlappingAudiences_TimesThePricePerRecord()
    {
        foreach (var name in new[] { "Ada", "Grace", "Alan" })
        {
            await _fx.PersonAsync(name);
        }

        var everyone = await _fx.EveryoneAsync();
        var pioneers = await _fx.EveryoneAsync("Pioneers", "first_name in [\"Ada\", \"Grace\"]");
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone, pioneers));
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(pioneers) with { Name = "pioneer-moves" });

        var both = await _fx.Signals.PreviewCostAsync("job-moves");
        var one = await _fx.Signals.PreviewCostAsync("pioneer-moves");

        both.Should().Be(new SignalCostPreview(3, 1));
        both.Total.Should().Be(3);
        one.Total.Should().Be(2);
        _fx.Titles.Calls.Should().BeEmpty("a preview asks the provider nothing and pays nothing");
        (await _fx.Signals.GetBudgetAsync("job-moves")).Spent.Should().Be(0);
    }

    [Fact]
    public async Task PreviewCost_OfAnUnknownSignal_SaysSo()
    {
        var preview = () => _fx.Signals.PreviewCostAsync("nope");

        await preview.Should().ThrowAsync<KeyNotFoundException>().WithMessage("There is no signal named 'nope'.");
    }

    private async Task<List<SignalRun>> RunDueAsync()
    {
        var runs = new List<SignalRun>();
        await foreach (var run in _fx.Signals.RunDueAsync())
        {
            runs.Add(run);
        }

        return runs;
    }
}
