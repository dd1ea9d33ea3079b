using Audiences.Sdk.Destinations;
using Audiences.Sdk.Warehouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the SQL table destination.</summary>
public static class SqlDestinationAudiencesBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SqlDestinationFactory"/> as an <see cref="IDestinationFactory"/> for destinations of type
    /// <c>sql</c>, with the ADO.NET providers they may use, e.g.
    /// <c>AddSqlDestination(o =&gt; o.Providers["postgres"] = NpgsqlFactory.Instance)</c>. The providers are those of
    /// the SQL source: a provider registered with <c>AddSqlSource</c> serves destinations too, and the other way
    /// round. Calling it again adds to the providers; the options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Registers the providers by name.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IAudiencesBuilder AddSqlDestination(this IAudiencesBuilder builder, Action<SqlSourceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<SqlSourceOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqlSourceOptions>, SqlSourceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationFactory, SqlDestinationFactory>());
        return builder;
    }
}
