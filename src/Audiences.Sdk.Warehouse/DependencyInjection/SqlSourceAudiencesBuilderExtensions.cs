using Audiences.Sdk.Sources;
using Audiences.Sdk.Warehouse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the SQL source.</summary>
public static class SqlSourceAudiencesBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SqlSourceFactory"/> as an <see cref="ISourceFactory"/> for sources of type <c>sql</c>, with
    /// the ADO.NET providers they may use, e.g.
    /// <c>AddSqlSource(o =&gt; o.Providers["sqlite"] = SqliteFactory.Instance)</c>. Calling it again adds to the
    /// providers. The options are validated when the host starts (every name maps to a factory; at least one is
    /// registered), or when the factory is first resolved.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Registers the providers by name.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IAudiencesBuilder AddSqlSource(this IAudiencesBuilder builder, Action<SqlSourceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<SqlSourceOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqlSourceOptions>, SqlSourceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceFactory, SqlSourceFactory>());
        return builder;
    }
}
