using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Sqlite.Tests.Specification;

public sealed class SqliteProbabilisticSpecification : ProbabilisticSpecification
{
    protected override IProfileStore CreateStore() => SpecificationStores.Create();

    protected override IProfileStore Reopen(IProfileStore store) => SpecificationStores.Reopen(store);
}
