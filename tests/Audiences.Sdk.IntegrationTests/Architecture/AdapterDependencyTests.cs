using System.Runtime.CompilerServices;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// The packages built on the core use nothing of it a third party could not: no package but the
/// core, only its public types and public or protected members, and no window into its internals.
/// If the shipped adapters can be written that way, so can the next one.
/// </summary>
public sealed class AdapterDependencyTests
{
    public static TheoryData<string> Adapters => [.. AssemblyUnderTest.Adapters.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_package_built_on_the_core_is_inspected()
    {
        // A new package under src/ fails here until it is added to the assemblies under test.
        var packages = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != AssemblyUnderTest.CoreName);

        AssemblyUnderTest.Adapters.Keys.Should().BeEquivalentTo(packages);
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void An_adapter_references_no_package_of_the_project_but_the_core(string adapter)
    {
        var references = Read(adapter).Assemblies.Where(name => name.StartsWith("Audiences.", StringComparison.Ordinal));

        references.Should().Equal([AssemblyUnderTest.CoreName], "adapters are independent of each other");
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void An_adapter_names_only_public_core_types(string adapter)
    {
        var surface = new PublicSurface(AssemblyUnderTest.Core);
        var coreTypes = Read(adapter).Types.Where(type => type.Assembly == AssemblyUnderTest.CoreName).ToList();

        var hidden = coreTypes.Where(type => !surface.Exposes(type)).Select(type => type.FullName);

        coreTypes.Should().NotBeEmpty("every adapter is built on the core");
        hidden.Should().BeEmpty("an adapter may use only what the core makes public");
    }

    [Theory]
    [MemberData(nameof(Adapters))]
    public void An_adapter_uses_only_public_or_protected_core_members(string adapter)
    {
        var surface = new PublicSurface(AssemblyUnderTest.Core);
        var coreMembers = Read(adapter).Members.Where(member => member.DeclaringType.Assembly == AssemblyUnderTest.CoreName).ToList();

        var hidden = coreMembers.Where(member => !surface.Exposes(member)).Select(member => member.ToString());

        coreMembers.Should().NotBeEmpty("every adapter is built on the core");
        hidden.Should().BeEmpty("an adapter may use only what the core makes public");
    }

    /// <summary>The core's own tests and the benchmarks that measure its engine alone may see internals; nothing shipped may.</summary>
    [Fact]
    public void The_core_shows_its_internals_only_to_its_tests_and_benchmarks()
    {
        string[] allowed = ["Audiences.Sdk.Tests", "Audiences.Sdk.Benchmarks", "Audiences.Sdk.Scale"];
        var friends = AssemblyUnderTest.Core.GetCustomAttributes(typeof(InternalsVisibleToAttribute), inherit: false)
            .Cast<InternalsVisibleToAttribute>()
            .Select(attribute => attribute.AssemblyName.Split(',')[0].Trim());

        friends.Except(allowed).Should().BeEmpty("no adapter or sample may see the core's internals");
        friends.Should().NotContain(AssemblyUnderTest.Adapters.Keys);
    }

    private static ExternalReferences Read(string adapter) => ExternalReferences.Read(AssemblyUnderTest.Adapters[adapter].Location);
}
