using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// What one compiled assembly names outside itself: the assemblies it references, and every type
/// and member reference row. Those rows are complete: the compiler writes one for each type or
/// member of another assembly the code uses, wherever it uses it.
/// </summary>
internal sealed class ExternalReferences
{
    private ExternalReferences(IReadOnlyList<string> assemblies, IReadOnlyList<ReferencedType> types, IReadOnlyList<ReferencedMember> members)
    {
        Assemblies = assemblies;
        Types = types;
        Members = members;
    }

    /// <summary>The simple names of the referenced assemblies.</summary>
    public IReadOnlyList<string> Assemblies { get; }

    public IReadOnlyList<ReferencedType> Types { get; }

    /// <summary>
    /// Members of referenced types, including members of generic instantiations (named on the
    /// generic type). Members of arrays and of the assembly's own types are left out.
    /// </summary>
    public IReadOnlyList<ReferencedMember> Members { get; }

    public static ExternalReferences Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var names = new SignatureTypeNames(reader);

        var assemblies = reader.AssemblyReferences.Select(a => reader.GetString(reader.GetAssemblyReference(a).Name)).ToList();
        var types = reader.TypeReferences.Select(names.Name).ToList();
        var members = new List<ReferencedMember>();
        foreach (var reference in reader.MemberReferences.Select(reader.GetMemberReference))
        {
            if (DeclaringType(reader, reference.Parent) is { } declaring)
            {
                members.Add(Member(reader, names, reference, names.Name(declaring)));
            }
        }

        return new ExternalReferences(assemblies, types, members);
    }

    /// <summary>The type reference a member reference's parent stands for: itself, or a generic instantiation's type.</summary>
    private static TypeReferenceHandle? DeclaringType(MetadataReader reader, EntityHandle parent)
    {
        if (parent.Kind == HandleKind.TypeReference)
        {
            return (TypeReferenceHandle)parent;
        }

        if (parent.Kind != HandleKind.TypeSpecification)
        {
            return null;
        }

        // A generic instantiation's blob: GENERICINST, CLASS or VALUETYPE, the generic type, its arguments.
        var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return null;
        }

        blob.ReadSignatureTypeCode();
        var generic = blob.ReadTypeHandle();
        return generic.Kind == HandleKind.TypeReference ? (TypeReferenceHandle)generic : null;
    }

    private static ReferencedMember Member(MetadataReader reader, SignatureTypeNames names, MemberReference reference, ReferencedType declaring)
    {
        var name = reader.GetString(reference.Name);
        if (reference.GetKind() == MemberReferenceKind.Field)
        {
            return new ReferencedMember(declaring, name, IsField: true, 0, reference.DecodeFieldSignature(names, null).Text, []);
        }

        var signature = reference.DecodeMethodSignature(names, null);
        return new ReferencedMember(
            declaring, name, IsField: false, signature.GenericParameterCount, signature.ReturnType.Text, [.. signature.ParameterTypes.Select(p => p.Text)]);
    }
}
