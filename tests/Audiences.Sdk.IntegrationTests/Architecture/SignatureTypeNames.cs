using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// Decodes signature blobs (fields, methods, properties, locals, type specifications) of one
/// assembly into <see cref="SignatureType"/>s, and names the types its definition and reference
/// rows stand for.
/// </summary>
internal sealed class SignatureTypeNames : ISignatureTypeProvider<SignatureType, object?>
{
    private readonly MetadataReader _reader;
    private readonly string _assembly;
    private readonly Dictionary<EntityHandle, ReferencedType> _names = [];

    public SignatureTypeNames(MetadataReader reader)
    {
        _reader = reader;
        _assembly = reader.GetString(reader.GetAssemblyDefinition().Name);
    }

    /// <summary>A type declared in this assembly.</summary>
    public ReferencedType Name(TypeDefinitionHandle handle)
    {
        if (_names.TryGetValue(handle, out var known))
        {
            return known;
        }

        var definition = _reader.GetTypeDefinition(handle);
        var name = _reader.GetString(definition.Name);
        var declaring = definition.GetDeclaringType();
        var type = declaring.IsNil
            ? new ReferencedType(_assembly, _reader.GetString(definition.Namespace), Join(_reader.GetString(definition.Namespace), name))
            : Nested(Name(declaring), name);
        _names[handle] = type;
        return type;
    }

    /// <summary>A type this assembly names in another one (or, rarely, in itself).</summary>
    public ReferencedType Name(TypeReferenceHandle handle)
    {
        if (_names.TryGetValue(handle, out var known))
        {
            return known;
        }

        var reference = _reader.GetTypeReference(handle);
        var name = _reader.GetString(reference.Name);
        var ns = _reader.GetString(reference.Namespace);
        var scope = reference.ResolutionScope;
        var type = scope.Kind switch
        {
            // A nested type's scope is its declaring type's reference.
            HandleKind.TypeReference => Nested(Name((TypeReferenceHandle)scope), name),
            HandleKind.AssemblyReference => new ReferencedType(
                _reader.GetString(_reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name), ns, Join(ns, name)),
            _ => new ReferencedType(_assembly, ns, Join(ns, name)),
        };
        _names[handle] = type;
        return type;
    }

    /// <summary>Every type a definition, reference or specification handle names.</summary>
    public SignatureType Decode(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => GetTypeFromDefinition(_reader, (TypeDefinitionHandle)handle, 0),
        HandleKind.TypeReference => GetTypeFromReference(_reader, (TypeReferenceHandle)handle, 0),
        HandleKind.TypeSpecification => GetTypeFromSpecification(_reader, null, (TypeSpecificationHandle)handle, 0),
        _ => Placeholder(handle.Kind.ToString()),
    };

    public SignatureType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        SignatureType.Of(Name(handle));

    public SignatureType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        SignatureType.Of(Name(handle));

    public SignatureType GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    // Primitive names are spelled as reflection spells them; they never matter as dependencies.
    public SignatureType GetPrimitiveType(PrimitiveTypeCode typeCode) => Placeholder($"System.{typeCode}");

    public SignatureType GetGenericTypeParameter(object? genericContext, int index) => Placeholder($"!{index}");

    public SignatureType GetGenericMethodParameter(object? genericContext, int index) => Placeholder($"!!{index}");

    public SignatureType GetGenericInstantiation(SignatureType genericType, ImmutableArray<SignatureType> typeArguments) =>
        new($"{genericType.Text}<{string.Join(",", typeArguments.Select(a => a.Text))}>",
            [.. genericType.Types, .. typeArguments.SelectMany(a => a.Types)]);

    public SignatureType GetSZArrayType(SignatureType elementType) => elementType with { Text = $"{elementType.Text}[]" };

    public SignatureType GetArrayType(SignatureType elementType, ArrayShape shape) =>
        elementType with { Text = $"{elementType.Text}[{new string(',', shape.Rank - 1)}]" };

    public SignatureType GetByReferenceType(SignatureType elementType) => elementType with { Text = $"{elementType.Text}&" };

    public SignatureType GetPointerType(SignatureType elementType) => elementType with { Text = $"{elementType.Text}*" };

    // Modifiers (in, init, volatile) are left out: reflection does not show them in parameter types.
    public SignatureType GetModifiedType(SignatureType modifier, SignatureType unmodifiedType, bool isRequired) => unmodifiedType;

    public SignatureType GetPinnedType(SignatureType elementType) => elementType;

    public SignatureType GetFunctionPointerType(MethodSignature<SignatureType> signature) =>
        new("fnptr", [.. signature.ReturnType.Types, .. signature.ParameterTypes.SelectMany(p => p.Types)]);

    private static SignatureType Placeholder(string text) => SignatureType.Placeholder(text);

    // A nested type lives in its outermost declaring type's namespace and assembly.
    private static ReferencedType Nested(ReferencedType declaring, string name) =>
        declaring with { FullName = $"{declaring.FullName}+{name}" };

    private static string Join(string ns, string name) => ns.Length == 0 ? name : $"{ns}.{name}";
}
