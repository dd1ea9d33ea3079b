using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Sqlite.Tests.Specification;

public sealed class SqliteFilterSpecification : FilterSpecification
{
    protected override IProfileStore CreateStore(TimeProvider clock) => SpecificationStores.Create(clock);

    protected override IProfileStore Reopen(IProfileStore store) => SpecificationStores.Reopen(store);
}
