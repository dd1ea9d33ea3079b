using Audiences.Sdk.Segments;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Sqlite.Tests.Specification;

public sealed class SqliteAudienceSpecification : AudienceSpecification
{
    protected override IProfileStore CreateStore() => SpecificationStores.Create(Clock);

    protected override IProfileStore Reopen(IProfileStore store) => Track(SpecificationStores.Reopen(store));

    protected override IAudienceStore CreateAudienceStore(IProfileStore profiles) => new SqliteAudienceStore((SqliteProfileStore)profiles);
}
