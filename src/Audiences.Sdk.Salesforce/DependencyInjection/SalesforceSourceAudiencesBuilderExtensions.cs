using Audiences.Sdk.Salesforce;
using Audiences.Sdk.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the Salesforce source.</summary>
public static class SalesforceSourceAudiencesBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SalesforceSourceFactory"/> as an <see cref="ISourceFactory"/> for sources of type
    /// <c>salesforce</c>, e.g. <c>AddSalesforceSource(o =&gt; o.TokenProvider = myRefreshingProvider)</c>. The options
    /// are those of the Salesforce destination too; calling it again configures them further.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the token provider, the HTTP handler, polling and retries; none is needed when every source names its <c>token</c>.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddSalesforceSource(this IAudiencesBuilder builder, Action<SalesforceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SalesforceOptions>().Configure(configure ?? (_ => { }));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceFactory, SalesforceSourceFactory>());
        return builder;
    }
}
