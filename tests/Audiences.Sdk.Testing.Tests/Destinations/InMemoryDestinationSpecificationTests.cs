using Audiences.Sdk.Destinations;
using Audiences.Sdk.Testing.Destinations;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Testing.Tests.Destinations;

/// <summary>The in-memory destination keeps the destination contract.</summary>
public class InMemoryDestinationSpecificationTests : DestinationSpecification
{
    protected override Task<IDestination> CreateDestinationAsync(IReadOnlyList<DestinationRecord> records)
    {
        var destination = new InMemoryDestination(new InMemoryDestinationOptions { MaxBatchSize = 250, MaxReadSize = 40 });
        foreach (var record in records)
        {
            destination.Seed(record.Key, record.Values);
        }

        return Task.FromResult<IDestination>(destination);
    }
}
