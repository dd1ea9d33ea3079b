using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Providers;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>
/// Registers enrichment and signal providers on <see cref="IAudiencesBuilder"/>; <see cref="IProviderCatalog"/> hands
/// them out by name, each wrapped in the pipeline. Two providers of one kind with the same name are refused when the
/// host starts.
/// </summary>
public static class ProviderBuilderExtensions
{
    /// <summary>Registers an enrichment provider type, created by the container as a singleton; the same type twice keeps one.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddEnrichmentProvider<TProvider>(this IAudiencesBuilder builder)
        where TProvider : class, IEnrichmentProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IEnrichmentProvider, TProvider>());
        return builder;
    }

    /// <summary>Registers an enrichment provider instance.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAudiencesBuilder AddEnrichmentProvider(this IAudiencesBuilder builder, IEnrichmentProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        builder.Services.AddSingleton(provider);
        return builder;
    }

    /// <summary>Registers a signal provider type, created by the container as a singleton; the same type twice keeps one.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddSignalProvider<TProvider>(this IAudiencesBuilder builder)
        where TProvider : class, ISignalProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISignalProvider, TProvider>());
        return builder;
    }

    /// <summary>Registers a signal provider instance.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAudiencesBuilder AddSignalProvider(this IAudiencesBuilder builder, ISignalProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        builder.Services.AddSingleton(provider);
        return builder;
    }
}
