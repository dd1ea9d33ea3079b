using Audiences.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Core configuration methods of <see cref="IAudiencesBuilder"/>.</summary>
public static class AudiencesBuilderExtensions
{
    /// <summary>Changes <see cref="AudiencesOptions"/>; validated at start-up.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAudiencesBuilder Configure(this IAudiencesBuilder builder, Action<AudiencesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Uses a profile store. Store packages call this from their own <c>UseXxx</c> method; the last
    /// call wins. The store is a singleton and is disposed with the service provider.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The store's name, shown in diagnostics (e.g. <c>sqlite</c>).</param>
    /// <param name="factory">Creates the store.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public static IAudiencesBuilder UseStore(this IAudiencesBuilder builder, string name, Func<IServiceProvider, IProfileStore> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        builder.Services.Configure<AudiencesOptions>(o => o.StoreName = name);
        return builder;
    }
}
