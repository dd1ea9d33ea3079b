using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.InMemory.Tests.Specification;

public sealed class InMemoryExportOutcomeStoreSpecification : ExportOutcomeStoreSpecification
{
    protected override void UseStore(IAudiencesBuilder builder) => builder.UseInMemory();
}
