using System.Reflection;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Sqlite.Tests.Specification;

public sealed class SqliteComplianceSpecification : ComplianceSpecification
{
    protected override Assembly TargetAssembly => typeof(SqliteComplianceSpecification).Assembly;
}
