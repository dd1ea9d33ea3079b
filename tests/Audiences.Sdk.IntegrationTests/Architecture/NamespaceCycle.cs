using System.Text;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// A strongly connected component of the namespace graph: every namespace in it reaches every
/// other, so none of them can be understood, tested or moved without the rest. <see cref="Edges"/>
/// holds every dependency between its namespaces, each with an example.
/// </summary>
internal sealed record NamespaceCycle(IReadOnlyList<string> Namespaces, IReadOnlyList<NamespaceEdge> Edges)
{
    /// <summary>The cycles as a failure message: each one, then its edges with their examples.</summary>
    public static string Report(IReadOnlyCollection<NamespaceCycle> cycles)
    {
        if (cycles.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append(cycles.Count).AppendLine(cycles.Count == 1 ? " namespace cycle:" : " namespace cycles:");
        foreach (var cycle in cycles)
        {
            text.AppendLine(cycle.ToString());
        }

        return text.ToString();
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Cycle among ").AppendJoin(", ", Namespaces).AppendLine(":");
        foreach (var edge in Edges)
        {
            text.Append("  ").AppendLine(edge.ToString());
        }

        return text.ToString().TrimEnd();
    }
}
