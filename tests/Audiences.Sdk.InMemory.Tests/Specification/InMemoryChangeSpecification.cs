using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.InMemory.Tests.Specification;

public sealed class InMemoryChangeSpecification : ChangeSpecification
{
    protected override IProfileStore CreateStore() => new InMemoryProfileStore();
}
