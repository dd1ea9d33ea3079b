using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using static Audiences.Samples.Providers.Tests.People;

namespace Audiences.Samples.Providers.Tests;

public sealed class CancellationTests
{
    public static TheoryData<string> EnrichmentProviders => ["sample-work-email", "sample-company"];

    [Theory]
    [MemberData(nameof(EnrichmentProviders))]
    public async Task An_enrichment_provider_stops_when_its_token_is_cancelled(string name)
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var provider = SampleProviders.Enrichment.Single(p => p.Name == name);

        var task = provider.EnrichAsync([RequestFor(provider)], cancellation.Token);

        await FluentActions.Awaiting(() => task).Should().ThrowAsync<OperationCanceledException>();
        task.IsCanceled.Should().BeTrue("the cancellation is reported through the task, as an awaited service call would");
    }

    [Fact]
    public async Task The_signal_provider_stops_when_its_token_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var person = With(Record("a", Day1, "Engineer", "acme.com"), Record("b", Day2, "CTO", "acme.com"));

        var task = SampleProviders.JobChange.DetectAsync([person], Day1, cancellation.Token);

        await FluentActions.Awaiting(() => task).Should().ThrowAsync<OperationCanceledException>();
        task.IsCanceled.Should().BeTrue();
    }

    [Fact]
    public async Task A_provider_answers_when_its_token_is_not_cancelled()
    {
        using var cancellation = new CancellationTokenSource();

        var results = await SampleProviders.WorkEmail.EnrichAsync([Requests.Person("Ana", "Li", "acme.com")], cancellation.Token);

        results.Should().ContainSingle().Which.Outcome.Should().Be(EnrichmentOutcome.Found);
    }

    private static EnrichmentRequest RequestFor(IEnrichmentProvider provider) =>
        new(new ProfileId(1), provider.Inputs.ToDictionary(i => i, _ => FieldValue.FromText("acme.com"), StringComparer.Ordinal));
}
