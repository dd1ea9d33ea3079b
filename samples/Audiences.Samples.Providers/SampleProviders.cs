using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Signals;

namespace Audiences.Samples.Providers;

/// <summary>The sample providers, ready to hand to a host; each is stateless, so one instance serves every caller.</summary>
public static class SampleProviders
{
    private static readonly Lazy<SampleCompanyProvider> LazyCompany = new(() => new SampleCompanyProvider());

    /// <summary>The <c>sample-work-email</c> provider.</summary>
    public static SampleWorkEmailProvider WorkEmail { get; } = new();

    /// <summary>The <c>sample-company</c> provider over the bundled table, created on first use.</summary>
    /// <exception cref="FileNotFoundException">The bundled table was not copied next to the application.</exception>
    public static SampleCompanyProvider Company => LazyCompany.Value;

    /// <summary>The <c>sample-job-change</c> provider.</summary>
    public static SampleJobChangeSignalProvider JobChange { get; } = new();

    /// <summary>The sample enrichment providers: work email, then company.</summary>
    public static IReadOnlyList<IEnrichmentProvider> Enrichment => [WorkEmail, Company];

    /// <summary>The sample signal providers.</summary>
    public static IReadOnlyList<ISignalProvider> Signals => [JobChange];
}
