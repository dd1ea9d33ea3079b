using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.InMemory.Tests.Specification;

public sealed class InMemoryLockSpecification : LockSpecification
{
    protected override IProfileStore CreateStore() => new InMemoryProfileStore();
}
