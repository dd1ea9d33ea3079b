using Audiences.Sdk.Ads;
using Audiences.Sdk.Ads.Google;
using Audiences.Sdk.Ads.LinkedIn;
using Audiences.Sdk.Ads.Meta;
using Audiences.Sdk.Destinations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the ad-platform audience destinations.</summary>
public static class AdDestinationsAudiencesBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="MetaAudienceDestinationFactory"/>, <see cref="GoogleAudienceDestinationFactory"/> and
    /// <see cref="LinkedInAudienceDestinationFactory"/> as <see cref="IDestinationFactory"/>s for destinations of type
    /// <c>meta</c>, <c>google</c> and <c>linkedin</c>, with the options they share, e.g.
    /// <c>AddAdDestinations(o =&gt; o.DefaultPhoneRegion = "US")</c>. Calling it again adds to the options. The options
    /// are validated when the host starts, or when a factory is first resolved.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the shared options (phone region, HTTP handler, time-out); null keeps the defaults.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddAdDestinations(this IAudiencesBuilder builder, Action<AdPlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<AdPlatformOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdPlatformOptions>, AdPlatformOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationFactory, MetaAudienceDestinationFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationFactory, GoogleAudienceDestinationFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationFactory, LinkedInAudienceDestinationFactory>());
        return builder;
    }
}
