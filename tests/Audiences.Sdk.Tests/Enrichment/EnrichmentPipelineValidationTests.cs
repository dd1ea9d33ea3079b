using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using static Audiences.Sdk.Tests.Enrichment.ScriptedEnrichmentProvider;

namespace Audiences.Sdk.Tests.Enrichment;

/// <summary>The pipeline keeps a provider's bad answers to the records they concern.</summary>
public class EnrichmentPipelineValidationTests
{
    [Fact]
    public async Task EnrichAsync_GarbageForSomeRecords_FailsOnlyThoseWithTheReasonAndKeepsTheRest()
    {
        var garbage = new ScriptedEnrichmentProvider
        {
            Answer = (records, _, _) => Task.FromResult<IReadOnlyList<EnrichmentResult>>(
            [
                Found(1, "phone", FieldValue.FromText("555")),
                Found(2, "work_email", FieldValue.FromNumber(42)),
                // Nothing for 3.
                Found(4, "work_email", FieldValue.FromText("first@a.com")),
                new EnrichmentResult(new ProfileId(4), EnrichmentOutcome.NotFound),
                Found(5, "work_email", FieldValue.FromText("eve@e.com")),
                Found(99, "work_email", FieldValue.FromText("stranger@x.com")),
            ]),
        };
        using var harness = new PipelineHarness([garbage]);

        var results = await harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([.. Enumerable.Range(1, 5).Select(i => Request(i, $"p{i}@a.com"))]);

        results.Select(r => r.Profile.Value).Should().Equal(1, 2, 3, 4, 5);
        results[0].Error.Should().Contain("'phone'").And.Contain("does not declare");
        results[1].Error.Should().Contain("'work_email'").And.Contain("Number").And.Contain("Text");
        results[2].Error.Should().Contain("no answer");
        results.Take(3).Should().OnlyContain(r => r.Outcome == EnrichmentOutcome.Failed && r.Provider == "scripted");
        results[3].Values["work_email"].AsText().Should().Be("first@a.com", "the first of two answers is kept");
        results[4].Outcome.Should().Be(EnrichmentOutcome.Found);
    }

    [Fact]
    public async Task EnrichAsync_LargerThanMaxBatchSize_SplitsIntoCallsOfAtMostThatSize()
    {
        var provider = new ScriptedEnrichmentProvider { MaxBatchSize = 2 };
        using var harness = new PipelineHarness([provider]);

        var results = await harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([.. Enumerable.Range(1, 5).Select(i => Request(i, "found@a.com"))]);

        provider.Calls.Select(c => c.Count).Should().Equal(2, 2, 1);
        results.Should().HaveCount(5).And.OnlyContain(r => r.Outcome == EnrichmentOutcome.Found && r.Credits == 1);
    }

    [Fact]
    public async Task EnrichAsync_EmptyBatch_AnswersNothingWithoutCallingTheProvider()
    {
        var provider = new ScriptedEnrichmentProvider();
        using var harness = new PipelineHarness([provider]);

        var results = await harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([]);

        results.Should().BeEmpty();
        provider.CallCount.Should().Be(0);
    }

    [Fact]
    public async Task EnrichAsync_ProviderThrowsAFaultOfItsOwn_FailsTheBatchWithoutRetrying()
    {
        var buggy = new ScriptedEnrichmentProvider { Answer = (_, _, _) => throw new InvalidOperationException("parser broke") };
        using var harness = new PipelineHarness([buggy]);

        var results = await harness.Catalog.GetEnrichmentProvider("scripted").EnrichAsync([Request(1, "found@a.com")]);

        buggy.CallCount.Should().Be(1);
        results.Single().Error.Should().Contain("InvalidOperationException").And.Contain("parser broke");
    }

    private static EnrichmentResult Found(long profile, string field, FieldValue value) =>
        new(new ProfileId(profile), EnrichmentOutcome.Found) { Values = new Dictionary<string, FieldValue> { [field] = value }, Credits = 1 };
}
