using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Samples.Providers.Tests.Specification;

public sealed class SampleCompanySpecification : EnrichmentProviderSpecification
{
    // Companies of the bundled reference table, one written as a web address.
    protected override IReadOnlyList<EnrichmentRequest> RecordsToFind { get; } =
        [Requests.Company("northwind-analytics.com", 1), Requests.Company("https://www.Northwind-Analytics.com/about", 2)];

    protected override IReadOnlyList<EnrichmentRequest> RecordsNotToFind { get; } = [Requests.Company("nowhere.invalid", 99)];

    protected override Task<IEnrichmentProvider> CreateProviderAsync() => Task.FromResult<IEnrichmentProvider>(SampleProviders.Company);
}
