using Audiences.Sdk.Destinations;
using Audiences.Sdk.Salesforce;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the Salesforce destination.</summary>
public static class SalesforceDestinationAudiencesBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SalesforceDestinationFactory"/> as an <see cref="IDestinationFactory"/> for destinations of
    /// type <c>salesforce</c>. The options are those of the Salesforce source too; calling it again configures them further.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the token provider, the HTTP handler, polling and retries; none is needed when every destination names its <c>token</c>.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddSalesforceDestination(this IAudiencesBuilder builder, Action<SalesforceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SalesforceOptions>().Configure(configure ?? (_ => { }));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationFactory, SalesforceDestinationFactory>());
        return builder;
    }
}
