using System.Reflection;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.InMemory.Tests.Specification;

public sealed class InMemoryComplianceSpecification : ComplianceSpecification
{
    protected override Assembly TargetAssembly => typeof(InMemoryComplianceSpecification).Assembly;
}
