using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.InMemory.Tests.Specification;

public sealed class InMemoryFilterSpecification : FilterSpecification
{
    protected override IProfileStore CreateStore(TimeProvider clock) => new InMemoryProfileStore(clock);
}
