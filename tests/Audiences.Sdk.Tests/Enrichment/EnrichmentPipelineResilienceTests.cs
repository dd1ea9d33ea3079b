using Audiences.Sdk.Enrichment;
using static Audiences.Sdk.Tests.Enrichment.ScriptedEnrichmentProvider;

namespace Audiences.Sdk.Tests.Enrichment;

/// <summary>Retries, timeouts and failed batches of the enrichment pipeline.</summary>
public class EnrichmentPipelineResilienceTests
{
    [Fact]
    public async Task EnrichAsync_TransientFailuresThenAnAnswer_RetriesAndSucceeds()
    {
        var provider = new ScriptedEnrichmentProvider();
        var flaky = new ScriptedEnrichmentProvider
        {
            Answer = (records, call, _) => call <= 2
                ? throw new ProviderUnavailableException("503 from the service")
                : Task.FromResult(provider.Default(records)),
        };
        using var harness = new PipelineHarness([flaky]);

        var results = await harness.RunAsync(harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([Request(1, "found@a.com")]));

        flaky.CallCount.Should().Be(3);
        results.Should().ContainSingle().Which.Outcome.Should().Be(EnrichmentOutcome.Found);
    }

    [Fact]
    public async Task EnrichAsync_RateLimitedWithRetryAfter_WaitsAtLeastThatLong()
    {
        var provider = new ScriptedEnrichmentProvider();
        var limited = new ScriptedEnrichmentProvider
        {
            Answer = (records, call, _) => call == 1
                ? throw new ProviderUnavailableException("429 Too Many Requests") { RetryAfter = TimeSpan.FromMinutes(10) }
                : Task.FromResult(provider.Default(records)),
        };
        using var harness = new PipelineHarness([limited]);

        var call = harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([Request(1, "found@a.com")]);
        await Task.Delay(20);
        harness.Time.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(20);

        limited.CallCount.Should().Be(1, "the service asked for ten minutes");
        var results = await harness.RunAsync(call);
        limited.CallCount.Should().Be(2);
        results.Single().Outcome.Should().Be(EnrichmentOutcome.Found);
    }

    [Fact]
    public async Task EnrichAsync_OneBatchFailsEveryRetry_FailsOnlyThatBatchsRecordsWithTheReason()
    {
        var provider = new ScriptedEnrichmentProvider();
        var halfDown = new ScriptedEnrichmentProvider
        {
            MaxBatchSize = 2,
            Answer = (records, _, _) => records.Any(r => r.Profile.Value == 1)
                ? throw new ProviderUnavailableException("shard 1 is down")
                : Task.FromResult(provider.Default(records)),
        };
        using var harness = new PipelineHarness([halfDown], configure: o => o.MaxRetries = 2);

        var results = await harness.RunAsync(harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync(
            [Request(1, "found@a.com"), Request(2, "found@b.com"), Request(3, "found@c.com"), Request(4, "nobody@d.com")]));

        results.Select(r => r.Outcome).Should().Equal(
            EnrichmentOutcome.Failed, EnrichmentOutcome.Failed, EnrichmentOutcome.Found, EnrichmentOutcome.NotFound);
        results.Take(2).Should().OnlyContain(r => r.Error!.Contains("shard 1 is down") && r.Error.Contains("after its retries"));
        halfDown.CallCount.Should().Be(4, "the failing batch is tried three times, the other once");
    }

    [Fact]
    public async Task EnrichAsync_ProviderNeverAnswers_TimesOutRetriesAndFailsItsRecords()
    {
        var hanging = new ScriptedEnrichmentProvider
        {
            Answer = async (_, _, token) =>
            {
                // Waits until cancelled, as a provider waiting on a service that never answers.
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return [];
            },
        };
        using var timed = new PipelineHarness([hanging], configure: o => (o.CallTimeout, o.MaxRetries) = (TimeSpan.FromSeconds(5), 1));

        var results = await timed.RunAsync(timed.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([Request(1, "found@a.com")]));

        hanging.CallCount.Should().Be(2);
        var failed = results.Should().ContainSingle().Which;
        failed.Outcome.Should().Be(EnrichmentOutcome.Failed);
        failed.Error.Should().Contain("after its retries").And.Contain("timeout");
    }

    [Fact]
    public async Task EnrichAsync_OneBatchHangsAnotherIsRateLimited_FailsOnlyThoseBatchesAndCompletesTheRest()
    {
        var provider = new ScriptedEnrichmentProvider();
        var troubled = new ScriptedEnrichmentProvider
        {
            MaxBatchSize = 1,
            Answer = async (records, _, token) =>
            {
                switch (records[0].Profile.Value)
                {
                    case 1:
                        await Task.Delay(Timeout.InfiniteTimeSpan, token);
                        return [];
                    case 2:
                        throw new ProviderUnavailableException("429 Too Many Requests") { RetryAfter = TimeSpan.FromSeconds(30) };
                    default:
                        return provider.Default(records);
                }
            },
        };
        using var harness = new PipelineHarness([troubled], configure: o => (o.CallTimeout, o.MaxRetries) = (TimeSpan.FromSeconds(5), 2));

        var results = await harness.RunAsync(harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync(
            [Request(1, "found@a.com"), Request(2, "found@b.com"), Request(3, "found@c.com")]));

        results.Select(r => r.Outcome).Should().Equal(EnrichmentOutcome.Failed, EnrichmentOutcome.Failed, EnrichmentOutcome.Found);
        results[0].Error.Should().Contain("timeout");
        results[1].Error.Should().Contain("429 Too Many Requests");
        troubled.CallCount.Should().Be(7, "each troubled record is tried three times");
    }

    [Fact]
    public async Task EnrichAsync_CallerCancels_Throws()
    {
        using var harness = new PipelineHarness([new ScriptedEnrichmentProvider()]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([Request(1, "found@a.com")], cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
