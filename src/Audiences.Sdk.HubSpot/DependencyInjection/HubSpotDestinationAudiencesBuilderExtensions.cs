using Audiences.Sdk.Destinations;
using Audiences.Sdk.HubSpot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the HubSpot destination.</summary>
public static class HubSpotDestinationAudiencesBuilderExtensions
{
    /// <summary>Registers <see cref="HubSpotDestinationFactory"/> as an <see cref="IDestinationFactory"/> for destinations of type <c>hubspot</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddHubSpotDestination(this IAudiencesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationFactory, HubSpotDestinationFactory>(sp => new HubSpotDestinationFactory(sp.GetService<TimeProvider>(), loggerFactory: sp.GetService<ILoggerFactory>())));
        return builder;
    }
}
