namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// The core's namespaces depend on each other in one direction only, read from the compiled IL; and
/// the analysis is proven on fixtures of this assembly, so a pass means "no cycle", not "nothing seen".
/// </summary>
public sealed class NamespaceCycleTests
{
    private const string Fixtures = "Audiences.Sdk.IntegrationTests.Architecture";
    private const string Left = Fixtures + ".CycleFixture.Left";
    private const string Middle = Fixtures + ".CycleFixture.Middle";
    private const string Right = Fixtures + ".CycleFixture.Right";
    private const string Upstream = Fixtures + ".AcyclicFixture.Upstream";
    private const string Downstream = Fixtures + ".AcyclicFixture.Downstream";

    private static readonly Lazy<NamespaceGraph> CoreGraph = new(() =>
        NamespaceGraph.Build(IlTypeReferences.Read(AssemblyUnderTest.Core.Location), AssemblyUnderTest.CoreName));

    private static readonly Lazy<IReadOnlyDictionary<ReferencedType, HashSet<ReferencedType>>> TestReferences = new(() =>
        IlTypeReferences.Read(AssemblyUnderTest.Tests.Location));

    [Fact]
    public void Core_namespaces_have_no_cycles()
    {
        var report = NamespaceCycle.Report(CoreGraph.Value.FindCycles());

        report.Should().BeEmpty("the core's namespaces must depend on each other in one direction only");
    }

    [Fact]
    public void The_core_graph_has_every_namespace_of_the_core_the_root_included()
    {
        var declared = AssemblyUnderTest.Core.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(ns => ns == AssemblyUnderTest.CoreName || ns.StartsWith(AssemblyUnderTest.CoreName + ".", StringComparison.Ordinal))
            .Distinct();

        CoreGraph.Value.Namespaces.Should().BeEquivalentTo(declared);
        CoreGraph.Value.Namespaces.Should().Contain(AssemblyUnderTest.CoreName, "the services and options at the root take part like any other namespace");
        CoreGraph.Value.Edges.Should().NotBeEmpty("the core's namespaces use one another");
    }

    [Fact]
    public void An_injected_cycle_is_reported_with_an_example_for_each_edge()
    {
        // Each edge of the fixture is made one way only: a field type, a new in a method body, and a
        // generic argument inside a lambda's compiler-generated class.
        var cycles = NamespaceGraph.Build(TestReferences.Value, Fixtures + ".CycleFixture").FindCycles();

        cycles.Should().ContainSingle();
        cycles[0].Namespaces.Should().Equal(Left, Middle, Right);
        cycles[0].Edges.Should().Equal(
            new NamespaceEdge(Left, Middle, $"{Left}.FieldHolder", $"{Middle}.BodyCreator"),
            new NamespaceEdge(Middle, Right, $"{Middle}.BodyCreator", $"{Right}.GenericArgumentUser"),
            new NamespaceEdge(Right, Left, $"{Right}.GenericArgumentUser", $"{Left}.FieldHolder"));
    }

    [Fact]
    public void A_cycle_report_names_the_namespaces_and_each_edges_example()
    {
        var cycles = NamespaceGraph.Build(TestReferences.Value, Fixtures + ".CycleFixture").FindCycles();

        NamespaceCycle.Report(cycles).Should().Be(
            $"""
            1 namespace cycle:
            Cycle among {Left}, {Middle}, {Right}:
              {Left} -> {Middle}: type {Left}.FieldHolder references type {Middle}.BodyCreator
              {Middle} -> {Right}: type {Middle}.BodyCreator references type {Right}.GenericArgumentUser
              {Right} -> {Left}: type {Right}.GenericArgumentUser references type {Left}.FieldHolder

            """.ReplaceLineEndings());
    }

    [Fact]
    public void Namespaces_that_depend_one_way_report_no_cycle()
    {
        var graph = NamespaceGraph.Build(TestReferences.Value, Fixtures + ".AcyclicFixture");

        graph.Edges.Should().Equal(new NamespaceEdge(Downstream, Upstream, $"{Downstream}.DownstreamDerived", $"{Upstream}.UpstreamBase"));
        graph.FindCycles().Should().BeEmpty();
    }

    [Fact]
    public void Separate_cycles_are_reported_apart_and_a_one_way_bridge_joins_neither()
    {
        // A ↔ B → C ↔ D: two components, the bridge B → C in neither.
        var references = new Dictionary<ReferencedType, HashSet<ReferencedType>>
        {
            [Type("A")] = [Type("B")],
            [Type("B")] = [Type("A"), Type("C")],
            [Type("C")] = [Type("D")],
            [Type("D")] = [Type("C")],
        };

        var cycles = NamespaceGraph.Build(references, "Graph").FindCycles();

        cycles.Select(cycle => string.Join(" ", cycle.Namespaces)).Should().Equal("Graph.A Graph.B", "Graph.C Graph.D");
        cycles.SelectMany(cycle => cycle.Edges).Select(edge => $"{edge.From}>{edge.To}").Should().Equal(
            "Graph.A>Graph.B", "Graph.B>Graph.A", "Graph.C>Graph.D", "Graph.D>Graph.C");
    }

    private static ReferencedType Type(string ns) => new("Graph", $"Graph.{ns}", $"Graph.{ns}.T{ns}");
}
