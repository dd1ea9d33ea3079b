using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.InMemory.Tests.Specification;

public sealed class InMemorySourceRecordFingerprintsSpecification : SourceRecordFingerprintsSpecification
{
    protected override void UseStore(IAudiencesBuilder builder) => builder.UseInMemory();
}
