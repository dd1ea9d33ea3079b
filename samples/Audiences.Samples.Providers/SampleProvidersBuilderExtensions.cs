using Audiences.Sdk.DependencyInjection;

namespace Audiences.Samples.Providers;

/// <summary>Registers the sample providers with the SDK, as a host registers its own.</summary>
public static class SampleProvidersBuilderExtensions
{
    /// <summary>
    /// Adds <c>sample-work-email</c>, <c>sample-company</c> and <c>sample-job-change</c>; enrichments and signals then
    /// name them, and the SDK calls them through its provider pipeline.
    /// </summary>
    /// <param name="builder">The SDK's builder, from <c>AddAudiences(...)</c>.</param>
    /// <returns>The builder.</returns>
    public static IAudiencesBuilder AddSampleProviders(this IAudiencesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var provider in SampleProviders.Enrichment)
        {
            builder.AddEnrichmentProvider(provider);
        }

        foreach (var provider in SampleProviders.Signals)
        {
            builder.AddSignalProvider(provider);
        }

        return builder;
    }
}
