using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Sqlite.Tests.Specification;

public sealed class SqliteChangeSpecification : ChangeSpecification
{
    protected override IProfileStore CreateStore() => SpecificationStores.Create();

    protected override IProfileStore Reopen(IProfileStore store) => Track(SpecificationStores.Reopen(store));
}
