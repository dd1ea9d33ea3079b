using System.Reflection;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// Fails when a store's test project forgot to derive one of the specification suites. Derive it
/// once in every store test project and return that project's assembly.
/// </summary>
public abstract class ComplianceSpecification
{
    /// <summary>The store test project's assembly.</summary>
    protected abstract Assembly TargetAssembly { get; }

    /// <summary>Every suite of this package has a concrete subclass in the target assembly.</summary>
    [Fact]
    public virtual void Every_specification_suite_is_run()
    {
        var suites = typeof(StoreSpecification).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && !t.IsSealed && t.IsSubclassOf(typeof(StoreSpecification)))
            .ToArray();
        var derived = TargetAssembly.GetTypes().Where(t => !t.IsAbstract).ToArray();

        var missing = suites.Where(suite => !derived.Any(t => t.IsSubclassOf(suite))).Select(s => s.Name).ToArray();

        suites.Should().NotBeEmpty();
        string.Join(", ", missing).Should().BeEmpty(
            "every specification suite must run against the store; derive a sealed class in {0} from each suite listed",
            TargetAssembly.GetName().Name);
    }
}
