namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// Namespace <see cref="From"/> depends on namespace <see cref="To"/>, with one example of a type
/// of the first referencing a type of the second, so a broken rule says where to look.
/// </summary>
internal sealed record NamespaceEdge(string From, string To, string FromType, string ToType)
{
    public override string ToString() => $"{From} -> {To}: type {FromType} references type {ToType}";
}
