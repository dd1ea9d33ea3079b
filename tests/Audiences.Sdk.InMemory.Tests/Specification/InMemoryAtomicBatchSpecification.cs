using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.InMemory.Tests.Specification;

public sealed class InMemoryAtomicBatchSpecification : AtomicBatchSpecification
{
    protected override IProfileStore CreateStore() => new InMemoryProfileStore();
}
