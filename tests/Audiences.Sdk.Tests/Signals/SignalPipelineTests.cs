using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Tests.Enrichment;
using static Audiences.Sdk.Tests.Signals.ScriptedSignalProvider;

namespace Audiences.Sdk.Tests.Signals;

/// <summary>The pipeline around signal providers: answers checked per record, failed batches kept to themselves.</summary>
public class SignalPipelineTests
{
    private static readonly DateTimeOffset Since = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DetectAsync_EventsBeforeSinceAndOutOfOrder_AreDroppedAndSortedNewestFirst()
    {
        var sloppy = new ScriptedSignalProvider
        {
            Answer = (records, since, _) => Task.FromResult<IReadOnlyList<SignalResult>>(
            [
                new SignalResult(records[0].Id)
                {
                    Events = [new(since.AddDays(1), "first"), new(since.AddDays(-3), "too old"), new(since.AddDays(5), "latest"), new(since, "at since")],
                },
            ]),
        };
        using var harness = new PipelineHarness(signals: [sloppy]);

        var result = (await harness.Catalog.GetSignalProvider("scripted-signals").DetectAsync([Person(1)], Since)).Single();

        result.Events.Select(e => e.Details).Should().Equal("latest", "first", "at since");
    }

    [Fact]
    public async Task DetectAsync_MissingDuplicateAndStrangerAnswers_AreCheckedPerRecord()
    {
        var sloppy = new ScriptedSignalProvider
        {
            Answer = (_, since, _) => Task.FromResult<IReadOnlyList<SignalResult>>(
            [
                new SignalResult(new ProfileId(1)) { Events = [new(since.AddDays(1), "kept")] },
                new SignalResult(new ProfileId(1)),
                new SignalResult(new ProfileId(99)) { Events = [new(since.AddDays(1), "stranger")] },
            ]),
        };
        using var harness = new PipelineHarness(signals: [sloppy]);

        var results = await harness.Catalog.GetSignalProvider("scripted-signals").DetectAsync([Person(1), Person(2)], Since);

        results.Select(r => r.Profile.Value).Should().Equal(1, 2);
        results[0].Events.Should().ContainSingle().Which.Details.Should().Be("kept");
        results[1].Error.Should().Contain("no answer");
    }

    [Fact]
    public async Task DetectAsync_OneBatchStillFailingAfterRetries_FailsOnlyItsRecords()
    {
        var halfDown = new ScriptedSignalProvider
        {
            MaxBatchSize = 1,
            Answer = (records, since, _) => records[0].Id.Value == 2
                ? throw new ProviderUnavailableException("503")
                : Task.FromResult<IReadOnlyList<SignalResult>>([new SignalResult(records[0].Id) { Events = [new(since, "moved")], Credits = 1 }]),
        };
        using var harness = new PipelineHarness(signals: [halfDown], configure: o => o.MaxRetries = 1);

        var results = await harness.RunAsync(harness.Catalog.GetSignalProvider("scripted-signals").DetectAsync([Person(1), Person(2), Person(3)], Since));

        results.Select(r => r.Error is null).Should().Equal(true, false, true);
        results[1].Error.Should().Contain("503");
        results[1].Events.Should().BeEmpty();
        halfDown.CallCount.Should().Be(4);
    }

    [Fact]
    public async Task DetectAsync_EmptyBatch_AnswersNothingWithoutCallingTheProvider()
    {
        var provider = new ScriptedSignalProvider();
        using var harness = new PipelineHarness(signals: [provider]);

        var results = await harness.Catalog.GetSignalProvider("scripted-signals").DetectAsync([], Since);

        results.Should().BeEmpty();
        provider.CallCount.Should().Be(0);
    }
}
