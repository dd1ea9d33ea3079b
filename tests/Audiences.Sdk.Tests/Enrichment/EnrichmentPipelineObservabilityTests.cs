using System.Diagnostics.Metrics;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Audiences.Sdk.Tests.Enrichment.ScriptedEnrichmentProvider;

namespace Audiences.Sdk.Tests.Enrichment;

/// <summary>What the pipeline logs and counts about a provider's calls.</summary>
public class EnrichmentPipelineObservabilityTests
{
    [Fact]
    public async Task EnrichAsync_LogsTheCallsCountsAndEachFailureReasonOnce()
    {
        var logger = new ListLogger();
        var provider = PartlyBroken("logged");
        using var catalog = new ProviderCatalog([provider], [], new ProviderPipelineOptions(), new FakeTimeProvider(), logger);

        await catalog.GetEnrichmentProvider("logged").EnrichAsync([Request(1, "found@a.com"), Request(2, "x@b.com"), Request(3, "y@c.com"), Request(4, "z@d.com")]);

        logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Information).Which.Message
            .Should().Be("Provider logged: looked up 4 records in 00:00:00: 1 found, 1 not found, 2 failed, 2 credits.");
        logger.Entries.Should().ContainSingle(e => e.Message.Contains("2 records failed: the provider gave no answer for this record"));
        logger.Entries.Should().ContainSingle(e => e.Message.Contains("profile 99") && e.Message.Contains("not asked"));
    }

    [Fact]
    public async Task EnrichAsync_CountsRecordsFoundFailedAndCreditsTaggedWithTheProvider()
    {
        var counted = new Dictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Audiences.Sdk" && instrument.Name.StartsWith("audiences.enrichment.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Count(counted, instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Count(counted, instrument, value, tags));
        listener.Start();
        using var catalog = new ProviderCatalog([PartlyBroken("metered")], [], new ProviderPipelineOptions(), new FakeTimeProvider(), new ListLogger());

        await catalog.GetEnrichmentProvider("metered").EnrichAsync([Request(1, "found@a.com"), Request(2, "x@b.com"), Request(3, "y@c.com"), Request(4, "z@d.com")]);

        counted.Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["audiences.enrichment.records"] = 4,
            ["audiences.enrichment.found"] = 1,
            ["audiences.enrichment.failed"] = 2,
            ["audiences.enrichment.credits"] = 2,
        });
    }

    /// <summary>Finds record 1, does not find record 2, leaves 3 and 4 unanswered and answers a stranger, 99.</summary>
    private static ScriptedEnrichmentProvider PartlyBroken(string name)
    {
        ScriptedEnrichmentProvider? provider = null;
        provider = new ScriptedEnrichmentProvider(name)
        {
            Answer = (records, _, _) => Task.FromResult<IReadOnlyList<EnrichmentResult>>(
                [.. provider!.Default([.. records.Take(2)]), new EnrichmentResult(new ProfileId(99), EnrichmentOutcome.NotFound)]),
        };
        return provider;
    }

    private static void Count(Dictionary<string, double> counted, Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag is { Key: "provider", Value: "metered" })
            {
                lock (counted)
                {
                    counted[instrument.Name] = counted.GetValueOrDefault(instrument.Name) + value;
                }
            }
        }
    }
}
