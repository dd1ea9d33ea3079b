using Audiences.Sdk.Csv;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the CSV source for syncs.</summary>
public static class CsvAudiencesBuilderExtensions
{
    /// <summary>Makes CSV files available to syncs as the source type <c>csv</c> (settings <c>path</c> and <c>object</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder AddCsvSource(this IAudiencesBuilder builder) =>
        builder.AddSourceFactory(_ => new CsvSourceFactory());
}
