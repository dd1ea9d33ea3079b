using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Samples.Providers.Tests.Specification;

public sealed class SampleWorkEmailSpecification : EnrichmentProviderSpecification
{
    protected override IReadOnlyList<EnrichmentRequest> RecordsToFind { get; } =
        [Requests.Person("Ada", "Lovelace", "analytical.io", 1), Requests.Person("Mary-Jane", "O'Neil", "https://www.Acme.com/", 2)];

    protected override IReadOnlyList<EnrichmentRequest> RecordsNotToFind { get; } = [Requests.Person("123", "Lovelace", "analytical.io", 3)];

    protected override Task<IEnrichmentProvider> CreateProviderAsync() => Task.FromResult<IEnrichmentProvider>(new SampleWorkEmailProvider());
}
