using Audiences.Sdk.Drafts;
using Audiences.Sdk.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers sources and search providers on <see cref="IAudiencesBuilder"/>.</summary>
public static class SourceBuilderExtensions
{
    /// <summary>
    /// Makes a source type available to syncs: a sync whose settings name <see cref="ISourceFactory.Type"/> is opened by
    /// this factory. Source packages wrap it (<c>AddSqlSource(...)</c>, <c>AddCsvSource()</c>); registering the same
    /// factory type twice keeps one.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the factory.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAudiencesBuilder AddSourceFactory<TFactory>(this IAudiencesBuilder builder, Func<IServiceProvider, TFactory> factory)
        where TFactory : class, ISourceFactory
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceFactory, TFactory>(factory));
        return builder;
    }

    /// <summary>Makes a search provider available to drafts (<see cref="IDraftService.SearchAsync"/>), by its name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">Creates the provider.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAudiencesBuilder AddSearchProvider<TProvider>(this IAudiencesBuilder builder, Func<IServiceProvider, TProvider> provider)
        where TProvider : class, ISearchProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISearchProvider, TProvider>(provider));
        return builder;
    }
}
