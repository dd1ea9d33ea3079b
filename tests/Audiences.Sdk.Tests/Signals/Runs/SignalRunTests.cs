using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Tests.Signals.Runs;

/// <summary>Signal runs: how far back they look, what they write, what they pay, and how a failing provider is contained.</summary>
public sealed class SignalRunTests : IDisposable
{
    private readonly SignalFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task TheLookBack_DecidesWhetherAnOlderEventFires_ThreeMonthsMissesAFourMonthOldMove_SixMonthsFindsIt()
    {
        await _fx.PersonAsync("Ada");
        await _fx.TitleChangedAsync("Ada", "CTO", TimeSpan.FromDays(120));
        var everyone = await _fx.EveryoneAsync();
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone) with { Name = "long-moves", LookBack = SignalLookBack.SixMonths });

        var threeMonths = await _fx.Signals.RunAsync("job-moves");
        var sixMonths = await _fx.Signals.RunAsync("long-moves");

        threeMonths.Should().Match<SignalRun>(r => r.Status == SignalRunStatus.Completed && r.Checked == 1 && r.Fired == 0 && r.Credits == 1);
        sixMonths.Should().Match<SignalRun>(r => r.Status == SignalRunStatus.Completed && r.Checked == 1 && r.Fired == 1 && r.Credits == 1);
        _fx.Titles.Calls.Select(c => c.Since).Should().Equal(SignalFixture.Start.AddMonths(-3), SignalFixture.Start.AddMonths(-6));
        var ada = await _fx.GetAsync("Ada");
        ada["signal_job_moves"].IsEmpty.Should().BeTrue();
        ada["signal_long_moves"].Should().Be(FieldValue.FromDateTime(SignalFixture.Start.AddDays(-120)));
        ada["signal_long_moves_details"].Should().Be(FieldValue.FromText("title: Engineer → CTO"));
        ada.Values["signal_long_moves"].SourceKind.Should().Be(SourceKind.Enrichment);
    }

    [Fact]
    public async Task ALaterRun_AsksOnlySinceTheLastCheck_SoAnOldEventNeverFiresAgain_WhileANewOneMovesTheFieldForward()
    {
        await _fx.PersonAsync("Ada");
        await _fx.PersonAsync("Grace");
        await _fx.TitleChangedAsync("Ada", "CTO", TimeSpan.FromDays(10));
        var everyone = await _fx.EveryoneAsync();
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));

        var first = await _fx.Signals.RunAsync("job-moves");
        _fx.Clock.Advance(TimeSpan.FromDays(1));
        var second = await _fx.Signals.RunAsync("job-moves");
        _fx.Clock.Advance(TimeSpan.FromDays(1));
        await _fx.TitleChangedAsync("Ada", "CEO", TimeSpan.Zero, source: "linkedin");
        var movedAt = _fx.Clock.GetUtcNow();
        _fx.Clock.Advance(TimeSpan.FromHours(1));
        var third = await _fx.Signals.RunAsync("job-moves");

        first.Should().Match<SignalRun>(r => r.Checked == 2 && r.Fired == 1);
        second.Should().Match<SignalRun>(r => r.Checked == 2 && r.Fired == 0, "Ada's move happened before the first check");
        third.Should().Match<SignalRun>(r => r.Checked == 2 && r.Fired == 1);
        _fx.Titles.Calls.Select(c => c.Since).Should().Equal(SignalFixture.Start.AddMonths(-3), first.StartedAt, second.StartedAt);
        var ada = await _fx.GetAsync("Ada");
        ada["signal_job_moves"].Should().Be(FieldValue.FromDateTime(movedAt));
        ada["signal_job_moves_details"].Should().Be(FieldValue.FromText("title: CTO → CEO"));
    }

    [Fact]
    public async Task TheSummary_ListsEverySignalOfTheRecord_NewestFirst_WithWhatHappened()
    {
        var scripted = new ScriptedSignalProvider("funding-watch")
        {
            Answer = (records, since, _) => Task.FromResult<IReadOnlyList<SignalResult>>(
                [.. records.Select(p => new SignalResult(p.Id) { Events = [new SignalEvent(SignalFixture.Start.AddDays(-5), "raised a seed round")], Credits = 1 })]),
        };
        using var fx = new SignalFixture(b => b.AddSignalProvider(scripted));
        await fx.PersonAsync("Ada");
        await fx.TitleChangedAsync("Ada", "CTO", TimeSpan.FromDays(100));
        await fx.TitleChangedAsync("Ada", "CEO", TimeSpan.FromDays(20), source: "linkedin");
        var audience = await fx.EveryoneAsync();
        await fx.Signals.SaveAsync(SignalFixture.JobMoves(audience) with { LookBack = SignalLookBack.SixMonths });
        await fx.Signals.SaveAsync(new SignalDefinition("Seed_Rounds", EntityKind.Person, SignalType.JobChange, "funding-watch", [audience]));

        await fx.Signals.RunAsync("job-moves");
        await fx.Signals.RunAsync("Seed_Rounds");

        var ada = await fx.GetAsync("Ada");
        ada["signal_job_moves_details"].Should().Be(FieldValue.FromText("title: CTO → CEO"), "the newest event is the one kept");
        ada[SignalFields.Summary].Should().Be(FieldValue.FromText("2026-05-27 Seed_Rounds: raised a seed round | 2026-05-12 job-moves: title: CTO → CEO"));
    }

    [Fact]
    public async Task TheFieldsOfASignal_AreInTheCatalogFromTheSave_WithTheirTypesAndOrigin()
    {
        await _fx.PersonAsync("Ada");
        var everyone = await _fx.EveryoneAsync();

        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));

        var fields = await _fx.Profiles.GetFieldsAsync(EntityKind.Person);
        fields.Should().ContainSingle(f => f.Key == "signal_job_moves").Which.Should().Match<FieldDefinition>(f => f.Type == FieldType.DateTime && f.Origin == "signal:job-moves");
        fields.Should().ContainSingle(f => f.Key == "signal_job_moves_details").Which.Type.Should().Be(FieldType.Text);
        fields.Should().ContainSingle(f => f.Key == SignalFields.Summary).Which.Type.Should().Be(FieldType.Text);
    }

    [Fact]
    public async Task AProviderFailingForOneRecord_FailsOnlyThatRecord_WhichIsAskedAgainFromTheLookBackNextTime()
    {
        await _fx.PersonAsync("Ada");
        await _fx.PersonAsync("Grace");
        await _fx.TitleChangedAsync("Ada", "CTO", TimeSpan.FromDays(10));
        await _fx.TitleChangedAsync("Grace", "Admiral", TimeSpan.FromDays(10));
        var everyone = await _fx.EveryoneAsync();
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));
        _fx.Titles.FailFor.Add("grace@home.example");
        var grace = await _fx.GetAsync("Grace");

        var failing = await _fx.Signals.RunAsync("job-moves");
        _fx.Titles.FailFor.Clear();
        _fx.Clock.Advance(TimeSpan.FromDays(1));
        var next = await _fx.Signals.RunAsync("job-moves");

        failing.Should().Match<SignalRun>(r => r.Status == SignalRunStatus.Completed && r.Checked == 1 && r.Fired == 1 && r.Failed == 1 && r.Credits == 1);
        failing.Errors.Should().ContainSingle().Which.Should().Be(new SignalError(grace.Id, "the service does not know this person"));
        next.Should().Match<SignalRun>(r => r.Checked == 2 && r.Fired == 1 && r.Failed == 0, "only Grace's move is new to the signal");
        _fx.Titles.Calls.Skip(1).Select(c => (c.Records, c.Since)).Should().BeEquivalentTo(
            [(1, failing.StartedAt), (1, _fx.Clock.GetUtcNow().AddMonths(-3))], "Ada is asked from her last check, Grace from the look-back");
        (await _fx.GetAsync("Grace"))["signal_job_moves_details"].Should().Be(FieldValue.FromText("title: Engineer → Admiral"));
    }

    [Fact]
    public async Task AProviderCallThatThrows_FailsTheRecordsOfThatCall_PaysNothing_AndTheRunCompletes()
    {
        // No retries: their back-off waits on the fake clock, which this test does not move.
        using var fx = new SignalFixture(options: o => o.Providers.MaxRetries = 0);
        await fx.PersonAsync("Ada");
        await fx.PersonAsync("Grace");
        var everyone = await fx.EveryoneAsync();
        await fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));
        await fx.Signals.SetBudgetAsync("job-moves", 10);
        fx.Titles.Throw = true;

        var down = await fx.Signals.RunAsync("job-moves");
        fx.Titles.Throw = false;
        var back = await fx.Signals.RunAsync("job-moves");

        down.Should().Match<SignalRun>(r => r.Status == SignalRunStatus.Completed && r.Checked == 0 && r.Failed == 2 && r.Credits == 0);
        down.Errors.Should().HaveCount(2).And.OnlyContain(e => e.Message.Contains("titles is down"));
        back.Should().Match<SignalRun>(r => r.Checked == 2 && r.Failed == 0 && r.Credits == 2);
        fx.Titles.Calls.Select(c => c.Since).Should().OnlyContain(since => since == SignalFixture.Start.AddMonths(-3), "a failed record was never checked");
        var budget = await fx.Signals.GetBudgetAsync("job-moves");
        budget.Spent.Should().Be(2);
        budget.Reserved.Should().Be(0);
    }

    [Fact]
    public async Task ACancelledRun_IsRecordedAsFailed_KeepsWhatItPaidFor_AndReleasesTheRest()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        var cancelling = new ScriptedSignalProvider("cancelling")
        {
            MaxBatchSize = 1,
            Answer = (records, since, _) =>
            {
                if (Interlocked.Increment(ref calls) == 2)
                {
                    cancel.Cancel();
                    cancel.Token.ThrowIfCancellationRequested();
                }

                return Task.FromResult<IReadOnlyList<SignalResult>>([.. records.Select(p => new SignalResult(p.Id) { Credits = 1 })]);
            },
        };
        using var fx = new SignalFixture(b => b.AddSignalProvider(cancelling));
        await fx.PersonAsync("Ada");
        await fx.PersonAsync("Grace");
        var everyone = await fx.EveryoneAsync();
        await fx.Signals.SaveAsync(new SignalDefinition("moves", EntityKind.Person, SignalType.JobChange, "cancelling", [everyone]));
        await fx.Signals.SetBudgetAsync("moves", 10);

        var run = () => fx.Signals.RunAsync("moves", cancel.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        var recorded = (await fx.Signals.ListRunsAsync("moves")).Should().ContainSingle().Subject;
        recorded.Should().Match<SignalRun>(r => r.Status == SignalRunStatus.Failed && r.Failure == "the run was cancelled" && r.Checked == 1 && r.Credits == 1 && r.FinishedAt != null);
        var budget = await fx.Signals.GetBudgetAsync("moves");
        budget.Spent.Should().Be(1);
        budget.Reserved.Should().Be(0);
    }

    [Fact]
    public async Task ARunReachingTheCap_StopsCleanly_AndTheNextRunAfterARaiseChecksThoseWaitingFirst()
    {
        foreach (var name in new[] { "Ada", "Grace", "Alan", "Edsger", "Barbara" })
        {
            await _fx.PersonAsync(name);
        }

        var everyone = await _fx.EveryoneAsync();
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));
        await _fx.Signals.SetBudgetAsync("job-moves", 2);

        var capped = await _fx.Signals.RunAsync("job-moves");
        var stillCapped = await _fx.Signals.RunAsync("job-moves");
        await _fx.Signals.SetBudgetAsync("job-moves", 5);
        var rest = await _fx.Signals.RunAsync("job-moves");

        capped.Should().Match<SignalRun>(r => r.Status == SignalRunStatus.BudgetReached && r.Checked == 2 && r.Credits == 2);
        stillCapped.Should().Match<SignalRun>(r => r.Status == SignalRunStatus.BudgetReached && r.Checked == 0 && r.Credits == 0);
        rest.Should().Match<SignalRun>(r => r.Status == SignalRunStatus.BudgetReached && r.Checked == 3 && r.Credits == 3);
        (await _fx.Signals.GetBudgetAsync("job-moves")).Spent.Should().Be(5);
        _fx.Titles.Calls.Select(c => c.Records).Should().Equal(2, 3);
    }

    [Fact]
    public async Task ASignalWithoutACap_ChecksEveryMemberOnce_InBatchesOfTheProvidersSize_AcrossAudiences()
    {
        var small = new TitleChangeProvider("small-batches") { MaxBatchSize = 2 };
        using var batched = new SignalFixture(b => b.AddSignalProvider(small));
        foreach (var name in new[] { "Ada", "Grace", "Alan", "Edsger", "Barbara" })
        {
            await batched.PersonAsync(name);
        }

        var everyone = await batched.EveryoneAsync();
        var someone = await batched.EveryoneAsync("Some", "first_name in [\"Ada\", \"Grace\"]");
        await batched.Signals.SaveAsync(new SignalDefinition("moves", EntityKind.Person, SignalType.JobChange, "small-batches", [someone, everyone]));

        var run = await batched.Signals.RunAsync("moves");

        run.Should().Match<SignalRun>(r => r.Checked == 5 && r.Credits == 5);
        small.Calls.Select(c => c.Records).Should().Equal(2, 2, 1);
    }
}
