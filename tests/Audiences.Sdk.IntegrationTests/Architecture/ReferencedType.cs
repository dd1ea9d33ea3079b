namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// A type named by an assembly's metadata: the assembly that declares it, the namespace of its
/// outermost declaring type, and its reflection name (nested types joined by <c>+</c>, so that
/// <see cref="System.Reflection.Assembly.GetType(string)"/> finds it).
/// </summary>
internal sealed record ReferencedType(string Assembly, string Namespace, string FullName)
{
    /// <summary>
    /// The outermost declaring type's name: nested and compiler-generated types (closures, state
    /// machines) belong to the type whose source declares them, so dependencies are told by it.
    /// </summary>
    public string OutermostName
    {
        get
        {
            var plus = FullName.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? FullName : FullName[..plus];
        }
    }

    /// <summary>The same type, seen from its outermost declaring type.</summary>
    public ReferencedType Outermost => this with { FullName = OutermostName };

    public override string ToString() => FullName;
}
