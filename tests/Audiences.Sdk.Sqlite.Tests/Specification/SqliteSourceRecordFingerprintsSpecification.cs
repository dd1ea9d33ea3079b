using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Sqlite.Tests.Specification;

public sealed class SqliteSourceRecordFingerprintsSpecification : SourceRecordFingerprintsSpecification
{
    protected override void UseStore(IAudiencesBuilder builder) => SpecificationStores.Use(builder);

    protected override StoreWorkspace Reopen(StoreWorkspace workspace) => Open(workspace, SpecificationStores.SameFile(workspace));
}
