using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>Records whose write failed wait in the ledger and are tried again by later runs after a doubling delay, up to the export's attempts.</summary>
public sealed class ExportRetryTests : IDisposable
{
    private readonly ExportFixture _fx = new(options: o =>
    {
        o.Exports.CallRetries = 0;
        o.Exports.RetryDelay = TimeSpan.FromMinutes(15);
    });

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task AFailedRecord_IsTriedAgainOnlyOnceItsDelayPassed_AndItsSuccessClearsTheFailure()
    {
        var ada = await _fx.PersonAsync("Ada", score: 1);
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { CreateNew = true });
        _fx.Destination.FailKey(ExportFixture.Email("Ada"), "record locked");

        var first = await _fx.Exports.RunAsync("to-crm");
        first.Should().Match<ExportRun>(r => r.Status == ExportRunStatus.Completed && r.Sent == 1 && r.Failed == 1 && r.Succeeded == 0);
        var failure = (await _fx.Exports.ListFailuresAsync("to-crm")).Should().ContainSingle().Subject;
        failure.Should().Be(new ExportFailure(ada.Id, ExportFixture.Email("Ada"), "record locked", 1, _fx.Clock.GetUtcNow(), _fx.Clock.GetUtcNow().AddMinutes(15)));

        _fx.Clock.Advance(TimeSpan.FromMinutes(10));
        (await _fx.Exports.RunAsync("to-crm")).Sent.Should().Be(0, "the retry is not due yet");

        _fx.Clock.Advance(TimeSpan.FromMinutes(6));
        var retry = await _fx.Exports.RunAsync("to-crm");
        retry.Created.Should().Be(1);
        (await _fx.OutcomesAsync("to-crm", retry.Id)).Single().Attempt.Should().Be(2);
        (await _fx.Exports.ListFailuresAsync("to-crm")).Should().BeEmpty();
        _fx.Held("Ada", "name").Should().Be(FieldValue.FromText("Ada"));
    }

    [Fact]
    public async Task RetriesDoubleTheirDelay_AndStopAtMaxAttempts()
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { CreateNew = true, MaxAttempts = 3 });
        _fx.Destination.FailKey(ExportFixture.Email("Ada"), "record locked", times: int.MaxValue);

        await _fx.Exports.RunAsync("to-crm");
        (await _fx.Exports.ListFailuresAsync("to-crm")).Single().RetryAt.Should().Be(_fx.Clock.GetUtcNow().AddMinutes(15));
        _fx.Clock.Advance(TimeSpan.FromMinutes(15));
        await _fx.Exports.RunAsync("to-crm");
        (await _fx.Exports.ListFailuresAsync("to-crm")).Single().Should().Match<ExportFailure>(f => f.Attempts == 2 && f.RetryAt == _fx.Clock.GetUtcNow().AddMinutes(30));
        _fx.Clock.Advance(TimeSpan.FromMinutes(30));
        await _fx.Exports.RunAsync("to-crm");

        var gaveUp = (await _fx.Exports.ListFailuresAsync("to-crm")).Single();
        gaveUp.Should().Match<ExportFailure>(f => f.Attempts == 3 && f.GaveUp && f.Reason == "record locked");
        _fx.Clock.Advance(TimeSpan.FromDays(3));
        (await _fx.Exports.RunAsync("to-crm")).Sent.Should().Be(0, "the export gave up on the record until it changes");
        _fx.Destination.Writes.Should().HaveCount(3);
    }

    [Fact]
    public async Task ARecordTheDestinationRefusesForGood_IsGivenUpAtOnce_UntilItChanges()
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { CreateNew = true });
        _fx.Destination.FailKey(ExportFixture.Email("Ada"), "invalid email domain", retryable: false);

        await _fx.Exports.RunAsync("to-crm");
        (await _fx.Exports.ListFailuresAsync("to-crm")).Single().Should().Match<ExportFailure>(f => f.GaveUp && f.Attempts == 1 && f.Reason == "invalid email domain");
        _fx.Clock.Advance(TimeSpan.FromDays(1));
        (await _fx.Exports.RunAsync("to-crm")).Sent.Should().Be(0);

        await _fx.PersonAsync("Ada", score: 2);
        var changed = await _fx.Exports.RunAsync("to-crm");
        changed.Created.Should().Be(1);
        (await _fx.OutcomesAsync("to-crm", changed.Id)).Single().Attempt.Should().Be(1, "a change starts the record afresh");
        (await _fx.Exports.ListFailuresAsync("to-crm")).Should().BeEmpty();
    }

    [Fact]
    public async Task ADestinationThatCannotDescribeItself_FailsTheRun_WithTheReason()
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { CreateNew = true });
        _fx.Destination.FailNextCall(new DestinationUnavailableException("the service is down"));

        var running = () => _fx.Exports.RunAsync("to-crm");

        await running.Should().ThrowAsync<DestinationUnavailableException>();
        (await _fx.Exports.ListRunsAsync("to-crm", 1)).Single().Should().Match<ExportRun>(
            r => r.Status == ExportRunStatus.Failed && r.Failure == "DestinationUnavailableException: the service is down" && r.FinishedAt != null);
        (await _fx.Runs.GetCheckpointAsync("to-crm")).Should().BeNull();
    }

    [Fact]
    public async Task OnTheSchedule_ARunThatFailsOutright_IsHandedOutAsFailed_AndTheExportsDueAfterItStillRun()
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.Exports.SaveAsync(ExportFixture.Everyone("a-first") with { CreateNew = true });
        await _fx.Exports.SaveAsync(ExportFixture.Everyone("b-second") with { CreateNew = true });
        _fx.Destination.FailNextCall(new DestinationUnavailableException("the service is down"));

        var runs = new List<ExportRun>();
        await foreach (var run in _fx.Exports.RunDueAsync())
        {
            runs.Add(run);
        }

        runs.Select(r => (r.Export, r.Status)).Should().Equal(("a-first", ExportRunStatus.Failed), ("b-second", ExportRunStatus.Completed));
        runs[0].Failure.Should().Be("DestinationUnavailableException: the service is down");
        (await _fx.Exports.ListRunsAsync("a-first", 1)).Single().Should().Be(runs[0]);
    }

    [Fact]
    public async Task AWriteCallThatFailsAsAWhole_FailsItsRecordsWithTheReason_AndTheRunCompletes()
    {
        var gate = new GatedDestinationFactory(_fx.Destination);
        using var fx = new ExportFixture(configure: b => Audiences.Sdk.DependencyInjection.DestinationBuilderExtensions.AddDestination(b, gate));
        gate.BeforeWrite = _ => throw new DestinationUnavailableException("the service is down") { RetryAfter = TimeSpan.FromMinutes(1) };
        await fx.PersonAsync("Ada", score: 1);
        await fx.PersonAsync("Grace", score: 1);
        await fx.Exports.SaveAsync(ExportFixture.Everyone() with { Destination = GatedDestinationFactory.Settings, CreateNew = true });

        var run = await fx.Exports.RunAsync("to-crm");

        run.Should().Match<ExportRun>(r => r.Status == ExportRunStatus.Completed && r.Sent == 2 && r.Failed == 2 && r.Succeeded == 0);
        (await fx.Exports.ListFailuresAsync("to-crm")).Should().HaveCount(2).And.OnlyContain(f => f.Reason == "the service is down" && f.RetryAt != null);

        gate.BeforeWrite = null;
        fx.Clock.Advance(TimeSpan.FromMinutes(15));
        (await fx.Exports.RunAsync("to-crm")).Created.Should().Be(2, "both are due a retry");
    }
}
