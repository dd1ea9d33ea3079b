using static Audiences.Sdk.Tests.Enrichment.ScriptedEnrichmentProvider;

namespace Audiences.Sdk.Tests.Enrichment;

/// <summary>A provider's calls are held to its requests per second, on the host's clock.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task EnrichAsync_MoreCallsThanTheLimit_MakesTheRestWaitForTheNextSecond()
    {
        var provider = new ScriptedEnrichmentProvider { MaxBatchSize = 1 };
        using var harness = new PipelineHarness([provider], configure: o => o.RequestsPerSecond = 2);

        var call = harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([.. Enumerable.Range(1, 5).Select(i => Request(i, "found@a.com"))]);

        (await CallsSettleAt(provider, 2)).Should().Be(2, "two calls fit the first second");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await CallsSettleAt(provider, 4)).Should().Be(4, "the second second allows two more");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await call).Should().HaveCount(5);
        provider.CallCount.Should().Be(5);
    }

    [Fact]
    public async Task EnrichAsync_NoLimit_CallsAtOnce()
    {
        var provider = new ScriptedEnrichmentProvider { MaxBatchSize = 1 };
        using var harness = new PipelineHarness([provider]);

        var results = await harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([.. Enumerable.Range(1, 5).Select(i => Request(i, "found@a.com"))]);

        results.Should().HaveCount(5);
        provider.CallCount.Should().Be(5);
    }

    /// <summary>The provider's call count once calls stop coming (waits for <paramref name="expected"/>, then a little longer to see no more come).</summary>
    private static async Task<int> CallsSettleAt(ScriptedEnrichmentProvider provider, int expected)
    {
        for (var i = 0; i < 500 && provider.CallCount < expected; i++)
        {
            await Task.Delay(10);
        }

        await Task.Delay(50);
        return provider.CallCount;
    }
}
