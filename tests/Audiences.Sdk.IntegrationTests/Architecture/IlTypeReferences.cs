using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// Reads a compiled assembly into "type → every type it references", from the metadata and IL the
/// compiler produced rather than from source <c>using</c> lines (which can be unused, and which a
/// fully qualified name does without). Everything a type declares is read: base type, interfaces,
/// generic constraints, field, method, property and event signatures, custom attribute
/// constructors, and each method body's locals, catch clauses and IL tokens.
/// </summary>
internal sealed class IlTypeReferences
{
    private readonly PEReader _pe;
    private readonly MetadataReader _reader;
    private readonly SignatureTypeNames _names;
    private HashSet<ReferencedType> _found = [];

    private IlTypeReferences(PEReader pe)
    {
        _pe = pe;
        _reader = pe.GetMetadataReader();
        _names = new SignatureTypeNames(_reader);
    }

    /// <summary>
    /// The types each type of the assembly references. Keys are outermost types: nested and
    /// compiler-generated types (closures, async and iterator state machines) add to the type that
    /// declares them, since that is the type whose source made them.
    /// </summary>
    public static IReadOnlyDictionary<ReferencedType, HashSet<ReferencedType>> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var references = new IlTypeReferences(pe);
        var byType = new Dictionary<ReferencedType, HashSet<ReferencedType>>();
        foreach (var handle in references._reader.TypeDefinitions)
        {
            var owner = references._names.Name(handle).Outermost;
            if (owner.FullName != "<Module>")
            {
                references._found = byType.TryGetValue(owner, out var found) ? found : byType[owner] = [];
                references.AddType(handle);
            }
        }

        return byType;
    }

    private void AddType(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        AddTypeHandle(type.BaseType);
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            AddTypeHandle(_reader.GetInterfaceImplementation(implementation).Interface);
        }

        AddGenericParameters(type.GetGenericParameters());
        AddAttributes(type.GetCustomAttributes());
        foreach (var field in type.GetFields().Select(_reader.GetFieldDefinition))
        {
            Add(field.DecodeSignature(_names, null));
            AddAttributes(field.GetCustomAttributes());
        }

        foreach (var method in type.GetMethods())
        {
            AddMethod(_reader.GetMethodDefinition(method));
        }

        foreach (var property in type.GetProperties().Select(_reader.GetPropertyDefinition))
        {
            AddSignature(property.DecodeSignature(_names, null));
            AddAttributes(property.GetCustomAttributes());
        }

        foreach (var @event in type.GetEvents().Select(_reader.GetEventDefinition))
        {
            AddTypeHandle(@event.Type);
            AddAttributes(@event.GetCustomAttributes());
        }
    }

    private void AddMethod(MethodDefinition method)
    {
        AddSignature(method.DecodeSignature(_names, null));
        AddGenericParameters(method.GetGenericParameters());
        AddAttributes(method.GetCustomAttributes());
        foreach (var parameter in method.GetParameters())
        {
            AddAttributes(_reader.GetParameter(parameter).GetCustomAttributes());
        }

        if (method.RelativeVirtualAddress == 0)
        {
            return; // Abstract, extern or an interface member: no body.
        }

        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
        {
            foreach (var local in _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_names, null))
            {
                Add(local);
            }
        }

        foreach (var region in body.ExceptionRegions)
        {
            AddTypeHandle(region.CatchType);
        }

        foreach (var token in IlTokens.Read(body))
        {
            AddToken(token);
        }
    }

    /// <summary>
    /// A token of the IL: a type, or a member, which references the type declaring it (and, for a
    /// generic method's instantiation, its type arguments). A member's own signature is counted where
    /// the member is declared.
    /// </summary>
    private void AddToken(EntityHandle token)
    {
        switch (token.Kind)
        {
            case HandleKind.MethodDefinition:
                Add(_names.Name(_reader.GetMethodDefinition((MethodDefinitionHandle)token).GetDeclaringType()));
                break;
            case HandleKind.FieldDefinition:
                Add(_names.Name(_reader.GetFieldDefinition((FieldDefinitionHandle)token).GetDeclaringType()));
                break;
            case HandleKind.MemberReference:
                AddToken(_reader.GetMemberReference((MemberReferenceHandle)token).Parent);
                break;
            case HandleKind.MethodSpecification:
                var specification = _reader.GetMethodSpecification((MethodSpecificationHandle)token);
                AddToken(specification.Method);
                foreach (var argument in specification.DecodeSignature(_names, null))
                {
                    Add(argument);
                }

                break;
            case HandleKind.StandaloneSignature:
                // The signature of a calli: the only place its types are spelled.
                AddSignature(_reader.GetStandaloneSignature((StandaloneSignatureHandle)token).DecodeMethodSignature(_names, null));
                break;
            default:
                AddTypeHandle(token);
                break;
        }
    }

    private void AddGenericParameters(GenericParameterHandleCollection parameters)
    {
        foreach (var parameter in parameters.Select(_reader.GetGenericParameter))
        {
            AddAttributes(parameter.GetCustomAttributes());
            foreach (var constraint in parameter.GetConstraints())
            {
                AddTypeHandle(_reader.GetGenericParameterConstraint(constraint).Type);
            }
        }
    }

    // An attribute references its type through its constructor; only types of the assembly under
    // test end up mattering, so framework attributes are harmless here.
    private void AddAttributes(CustomAttributeHandleCollection attributes)
    {
        foreach (var attribute in attributes)
        {
            AddToken(_reader.GetCustomAttribute(attribute).Constructor);
        }
    }

    private void AddSignature(MethodSignature<SignatureType> signature)
    {
        Add(signature.ReturnType);
        foreach (var parameter in signature.ParameterTypes)
        {
            Add(parameter);
        }
    }

    private void AddTypeHandle(EntityHandle handle)
    {
        if (!handle.IsNil && handle.Kind is HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification)
        {
            Add(_names.Decode(handle));
        }
    }

    private void Add(SignatureType type) => _found.UnionWith(type.Types);

    private void Add(ReferencedType type) => _found.Add(type);
}
