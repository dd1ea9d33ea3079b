using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers destinations on <see cref="IAudiencesBuilder"/>.</summary>
public static class DestinationBuilderExtensions
{
    /// <summary>
    /// Makes a destination type available to exports: an export whose settings name <see cref="IDestinationFactory.Type"/>
    /// writes through a destination this factory creates (<see cref="IExportService"/>). Registering the same factory
    /// type twice keeps one.
    /// </summary>
    /// <typeparam name="TFactory">The factory, created by the container.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddDestination<TFactory>(this IAudiencesBuilder builder)
        where TFactory : class, IDestinationFactory
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationFactory, TFactory>());
        return builder;
    }

    /// <summary>Makes a destination type available to exports through a factory instance (see <see cref="AddDestination{TFactory}(IAudiencesBuilder)"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">The factory.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAudiencesBuilder AddDestination(this IAudiencesBuilder builder, IDestinationFactory factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(factory);
        return builder;
    }
}
