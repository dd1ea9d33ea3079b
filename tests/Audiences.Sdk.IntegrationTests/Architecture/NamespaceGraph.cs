namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// The dependencies between the namespaces of one assembly at or under one prefix: namespace A depends on
/// B when a type declared in A references a type declared in B. The prefix namespace itself is a node
/// like the others (the core's services and options live there, and nothing below may use them back);
/// types of other assemblies are left out: only the assembly's own structure is judged.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly SortedSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, NamespaceEdge>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    public IReadOnlyCollection<string> Namespaces => _namespaces;

    public IEnumerable<NamespaceEdge> Edges => _edges.Values.SelectMany(targets => targets.Values);

    /// <summary>Builds the graph from an assembly's type references (see <see cref="IlTypeReferences"/>).</summary>
    public static NamespaceGraph Build(IReadOnlyDictionary<ReferencedType, HashSet<ReferencedType>> references, string namespacePrefix)
    {
        var graph = new NamespaceGraph();
        var assemblies = references.Keys.Select(type => type.Assembly).Distinct().ToList();
        bool InGraph(ReferencedType type) =>
            (type.Namespace == namespacePrefix || type.Namespace.StartsWith(namespacePrefix + ".", StringComparison.Ordinal))
            && assemblies.Contains(type.Assembly);

        foreach (var (type, referenced) in references.Where(pair => InGraph(pair.Key)))
        {
            graph._namespaces.Add(type.Namespace);
            foreach (var target in referenced.Where(target => InGraph(target) && target.Namespace != type.Namespace))
            {
                graph.Add(new NamespaceEdge(type.Namespace, target.Namespace, type.OutermostName, target.OutermostName));
            }
        }

        return graph;
    }

    /// <summary>
    /// Every strongly connected component of more than one namespace (Tarjan's algorithm), each
    /// with the edges inside it; namespaces and edges in ordinal order, so reports are stable.
    /// </summary>
    public IReadOnlyList<NamespaceCycle> FindCycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<NamespaceCycle>();

        void Visit(string ns)
        {
            var order = index.Count;
            index[ns] = order;
            lowLink[ns] = order;
            stack.Push(ns);
            foreach (var next in Targets(ns))
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    lowLink[ns] = Math.Min(lowLink[ns], lowLink[next]);
                }
                else if (stack.Contains(next))
                {
                    lowLink[ns] = Math.Min(lowLink[ns], nextIndex);
                }
            }

            if (lowLink[ns] == index[ns])
            {
                var component = new SortedSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != ns);

                if (component.Count > 1)
                {
                    cycles.Add(new NamespaceCycle([.. component], [.. Edges.Where(e => component.Contains(e.From) && component.Contains(e.To))]));
                }
            }
        }

        foreach (var ns in _namespaces.Where(ns => !index.ContainsKey(ns)))
        {
            Visit(ns);
        }

        return [.. cycles.OrderBy(cycle => cycle.Namespaces[0], StringComparer.Ordinal)];
    }

    private IEnumerable<string> Targets(string ns) =>
        _edges.TryGetValue(ns, out var targets) ? targets.Keys : [];

    // One example per edge: the ordinally first, so the same code always gives the same message.
    private void Add(NamespaceEdge edge)
    {
        if (!_edges.TryGetValue(edge.From, out var targets))
        {
            _edges[edge.From] = targets = new SortedDictionary<string, NamespaceEdge>(StringComparer.Ordinal);
        }

        if (!targets.TryGetValue(edge.To, out var known) || Compare(edge, known) < 0)
        {
            targets[edge.To] = edge;
        }
    }

    private static int Compare(NamespaceEdge a, NamespaceEdge b)
    {
        var byFrom = string.CompareOrdinal(a.FromType, b.FromType);
        return byFrom != 0 ? byFrom : string.CompareOrdinal(a.ToType, b.ToType);
    }
}
