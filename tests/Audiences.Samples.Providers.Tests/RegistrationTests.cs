using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Samples.Providers.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task AddSampleProviders_RegistersAllThree_AndTheCatalogHandsThemOutThroughThePipeline()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseInMemory().AddSampleProviders());
        await using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<IProviderCatalog>();

        var emails = catalog.GetEnrichmentProvider("sample-work-email");
        var results = await emails.EnrichAsync([Requests.Person("Ada", "Lovelace", "analytical.io")]);

        catalog.EnrichmentProviders.Should().BeEquivalentTo("sample-work-email", "sample-company");
        catalog.SignalProviders.Should().Equal("sample-job-change");
        results.Should().ContainSingle().Which.Should().Match<EnrichmentResult>(r =>
            r.Outcome == EnrichmentOutcome.Found && r.Values["work_email"].AsText() == "ada.lovelace@analytical.io" && r.Credits == 1);
    }
}
