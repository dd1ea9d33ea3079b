namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// A field or method of another assembly that an assembly names (a member reference row), with the
/// signature it was compiled against, in <see cref="SignatureType"/>'s spelling.
/// </summary>
internal sealed record ReferencedMember(
    ReferencedType DeclaringType,
    string Name,
    bool IsField,
    int GenericArity,
    string ReturnType,
    IReadOnlyList<string> ParameterTypes)
{
    public override string ToString() => IsField
        ? $"{DeclaringType}::{Name} : {ReturnType}"
        : $"{DeclaringType}::{Name}{(GenericArity > 0 ? $"`{GenericArity}" : "")}({string.Join(", ", ParameterTypes)}) : {ReturnType}";
}
