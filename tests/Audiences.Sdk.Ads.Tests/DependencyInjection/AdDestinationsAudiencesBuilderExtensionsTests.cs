using Audiences.Sdk.Ads.Google;
using Audiences.Sdk.Ads.LinkedIn;
using Audiences.Sdk.Ads.Meta;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Destinations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Ads.Tests.DependencyInjection;

public sealed class AdDestinationsAudiencesBuilderExtensionsTests
{
    [Fact]
    public void The_three_factories_are_registered_once_with_the_options_of_every_call()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b
            .AddAdDestinations(o => o.DefaultPhoneRegion = "GB")
            .AddAdDestinations(o => o.RequestTimeout = TimeSpan.FromSeconds(20))
            .AddAdDestinations());
        using var provider = services.BuildServiceProvider();

        var factories = provider.GetServices<IDestinationFactory>().ToList();

        factories.Select(f => f.GetType()).Should().BeEquivalentTo(
            [typeof(MetaAudienceDestinationFactory), typeof(GoogleAudienceDestinationFactory), typeof(LinkedInAudienceDestinationFactory)]);
        factories.Select(f => f.Type).Should().BeEquivalentTo("meta", "google", "linkedin");
        var options = provider.GetRequiredService<IOptions<AdPlatformOptions>>().Value;
        options.DefaultPhoneRegion.Should().Be("GB");
        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task An_unknown_phone_region_fails_when_the_host_starts()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.AddAdDestinations(o => o.DefaultPhoneRegion = "Narnia"));
        using var provider = services.BuildServiceProvider();

        var start = async () => await provider.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage("*DefaultPhoneRegion is 'Narnia'*");
    }

    [Fact]
    public void A_time_out_that_is_not_positive_fails_when_a_factory_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.AddAdDestinations(o => o.RequestTimeout = TimeSpan.Zero));
        using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetServices<IDestinationFactory>().ToList();

        resolve.Should().Throw<OptionsValidationException>().WithMessage("*RequestTimeout*must be positive*");
    }
}
