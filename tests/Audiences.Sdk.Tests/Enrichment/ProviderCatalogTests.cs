using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Providers;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Tests.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Tests.Enrichment;

public class ProviderCatalogTests
{
    [Fact]
    public void GetEnrichmentProvider_UnknownName_NamesTheRegisteredOnes()
    {
        using var services = Services(b => b.AddEnrichmentProvider(new ScriptedEnrichmentProvider("zeta")).AddEnrichmentProvider(new ScriptedEnrichmentProvider("alpha")));

        var act = () => services.GetRequiredService<IProviderCatalog>().GetEnrichmentProvider("beta");

        act.Should().Throw<ArgumentException>().WithMessage("*'beta'*registered: alpha, zeta*AddEnrichmentProvider*");
    }

    [Fact]
    public void GetSignalProvider_NoneRegistered_SaysSo()
    {
        using var services = Services(_ => { });

        var act = () => services.GetRequiredService<IProviderCatalog>().GetSignalProvider("jobs");

        act.Should().Throw<ArgumentException>().WithMessage("*'jobs'*none is registered*AddSignalProvider*");
    }

    [Fact]
    public void GetWaterfall_UnknownProvider_NamesIt()
    {
        using var services = Services(b => b.AddEnrichmentProvider(new ScriptedEnrichmentProvider("alpha")));

        var act = () => services.GetRequiredService<IProviderCatalog>().GetWaterfall("emails", ["alpha", "omega"]);

        act.Should().Throw<ArgumentException>().WithMessage("*'omega'*registered: alpha*");
    }

    [Fact]
    public async Task GetWaterfall_KnownProviders_AsksThemInTheirPipelines()
    {
        var alpha = new ScriptedEnrichmentProvider("alpha") { MaxBatchSize = 1 };
        using var services = Services(b => b.AddEnrichmentProvider(alpha).AddEnrichmentProvider(new ScriptedEnrichmentProvider("beta")));
        var catalog = services.GetRequiredService<IProviderCatalog>();

        var results = await catalog.GetWaterfall("emails", ["ALPHA", "beta"]).EnrichAsync(
            [ScriptedEnrichmentProvider.Request(1, "found@a.com"), ScriptedEnrichmentProvider.Request(2, "x@b.com")]);

        alpha.CallCount.Should().Be(2, "alpha's pipeline splits by its batch size");
        results.Select(r => r.Outcome).Should().Equal(EnrichmentOutcome.Found, EnrichmentOutcome.NotFound);
        catalog.EnrichmentProviders.Should().BeEquivalentTo("alpha", "beta");
    }

    [Fact]
    public async Task Start_TwoEnrichmentProvidersWithOneName_IsRefusedNamingIt()
    {
        using var services = Services(b => b.AddEnrichmentProvider(new ScriptedEnrichmentProvider("same")).AddEnrichmentProvider(new ScriptedEnrichmentProvider("Same")));

        var act = async () => await services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();

        await act.Should().ThrowAsync<OptionsValidationException>().WithMessage("*2 enrichment providers are named 'same'*");
        services.Invoking(s => s.GetRequiredService<IProviderCatalog>()).Should().Throw<InvalidOperationException>().WithMessage("*named 'same'*");
    }

    [Fact]
    public async Task Start_TwoSignalProvidersWithOneName_IsRefused()
    {
        using var services = Services(b => b.AddSignalProvider(new ScriptedSignalProvider("jobs")).AddSignalProvider(new ScriptedSignalProvider("jobs")));

        var act = async () => await services.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();

        await act.Should().ThrowAsync<OptionsValidationException>().WithMessage("*2 signal providers are named 'jobs'*");
    }

    [Fact]
    public void AddEnrichmentProvider_OfAType_RegistersItOnce()
    {
        using var services = Services(b => b.AddEnrichmentProvider<ScriptedEnrichmentProvider>().AddEnrichmentProvider<ScriptedEnrichmentProvider>().AddSignalProvider<ScriptedSignalProvider>());

        var catalog = services.GetRequiredService<IProviderCatalog>();

        catalog.EnrichmentProviders.Should().Equal("scripted");
        catalog.GetSignalProvider("scripted-signals").Type.Should().Be(SignalType.JobChange);
    }

    private static ServiceProvider Services(Action<IAudiencesBuilder> configure) =>
        new ServiceCollection().AddAudiences(b => configure(b.UseInMemory())).Services.BuildServiceProvider();
}
