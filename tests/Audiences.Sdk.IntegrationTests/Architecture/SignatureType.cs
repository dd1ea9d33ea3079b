namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// A type as a signature spells it: <see cref="Text"/> is a canonical spelling (generic parameters
/// as <c>!0</c> for the type's and <c>!!0</c> for the method's, so a member reference can be matched
/// to the reflected member it names), and <see cref="Types"/> lists every named type inside it,
/// generic arguments and array elements included, which is what a dependency is made of.
/// </summary>
internal sealed record SignatureType(string Text, IReadOnlyList<ReferencedType> Types)
{
    public static SignatureType Of(ReferencedType type) => new(type.FullName, [type]);

    public static SignatureType Placeholder(string text) => new(text, []);

    public override string ToString() => Text;
}
