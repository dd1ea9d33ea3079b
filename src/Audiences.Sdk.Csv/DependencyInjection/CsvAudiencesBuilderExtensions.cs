using Audiences.Sdk.Csv;
using Audiences.Sdk.Destinations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the CSV source for syncs and the CSV destination for exports.</summary>
public static class CsvAudiencesBuilderExtensions
{
    /// <summary>Makes CSV files available to syncs as the source type <c>csv</c> (settings <c>path</c> and <c>object</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddCsvSource(this IAudiencesBuilder builder) =>
        builder.AddSourceFactory(_ => new CsvSourceFactory());

    /// <summary>
    /// Makes CSV files available to exports as the destination type <c>csv</c> (settings <c>path</c>, <c>key-column</c>
    /// and <c>columns</c>); calling it again changes nothing.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddCsvDestination(this IAudiencesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDestinationFactory, CsvDestinationFactory>());
        return builder;
    }
}
