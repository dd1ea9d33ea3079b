using Audiences.Sdk.Enrichment;

namespace Audiences.Samples.Providers.Tests;

/// <summary>What an enrichment provider finds is exactly what it declares, each value of its declared type.</summary>
public sealed class DeclaredOutputsTests
{
    public static TheoryData<string, EnrichmentRequest> FoundRecords => new()
    {
        { "sample-work-email", Requests.Person("Mary-Jane", "O'Neil", "https://www.Acme.com/") },
        { "sample-company", Requests.Company("quillsoft.dev") },
    };

    [Theory]
    [MemberData(nameof(FoundRecords))]
    public async Task Found_values_are_the_declared_outputs_of_their_declared_types(string name, EnrichmentRequest record)
    {
        var provider = SampleProviders.Enrichment.Single(p => p.Name == name);

        var result = (await provider.EnrichAsync([record])).Should().ContainSingle().Subject;

        result.Outcome.Should().Be(EnrichmentOutcome.Found);
        result.Values.Keys.Should().BeEquivalentTo(provider.Outputs.Select(o => o.Field));
        foreach (var output in provider.Outputs)
        {
            result.Values[output.Field].Type.Should().Be(output.Type, $"{output.Field} is declared {output.Type}");
        }
    }

    [Fact]
    public void The_helper_lists_each_sample_provider_once()
    {
        SampleProviders.Enrichment.Select(p => p.Name).Should().Equal("sample-work-email", "sample-company");
        SampleProviders.Signals.Select(p => p.Name).Should().Equal("sample-job-change");
        SampleProviders.Company.Should().BeSameAs(SampleProviders.Company);
    }
}
