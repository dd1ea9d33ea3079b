using Audiences.Sdk.HubSpot;
using Audiences.Sdk.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the HubSpot source.</summary>
public static class HubSpotSourceAudiencesBuilderExtensions
{
    /// <summary>Registers <see cref="HubSpotSourceFactory"/> as an <see cref="ISourceFactory"/> for sources of type <c>hubspot</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddHubSpotSource(this IAudiencesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceFactory, HubSpotSourceFactory>(sp => new HubSpotSourceFactory(sp.GetService<TimeProvider>(), loggerFactory: sp.GetService<ILoggerFactory>())));
        return builder;
    }
}
