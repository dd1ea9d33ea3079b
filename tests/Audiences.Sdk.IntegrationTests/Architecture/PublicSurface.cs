using System.Reflection;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// The part of a loaded assembly another assembly may use: public types (nested ones inside public
/// types too), and their public and protected members. Reflection judges it, so the metadata rows an
/// adapter compiled against are checked against the assembly as it is.
/// </summary>
internal sealed class PublicSurface(Assembly assembly)
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Whether the type exists and can be named from outside the assembly.</summary>
    public bool Exposes(ReferencedType type) => assembly.GetType(type.FullName) is { } found && IsVisible(found);

    /// <summary>
    /// Whether the member exists with the signature the reference names, on an exposed type (or one
    /// of its base types), and is public or protected.
    /// </summary>
    public bool Exposes(ReferencedMember member)
    {
        if (assembly.GetType(member.DeclaringType.FullName) is not { } type || !IsVisible(type))
        {
            return false;
        }

        for (var declaring = type; declaring is not null; declaring = declaring.BaseType)
        {
            if (DeclaredVisibility(declaring, member) is { } exposed)
            {
                return exposed;
            }
        }

        return false;
    }

    /// <summary>Whether the type declares the member as public or protected; null when it does not declare it.</summary>
    private static bool? DeclaredVisibility(Type type, ReferencedMember member)
    {
        if (member.IsField)
        {
            var field = type.GetFields(Declared).FirstOrDefault(f => f.Name == member.Name && Text(f.FieldType) == member.ReturnType);
            return field is null ? null : field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;
        }

        var method = Methods(type, member.Name).FirstOrDefault(m => HasSignature(m, member));
        return method is null ? null : method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;
    }

    private static bool IsVisible(Type type) =>
        type.IsPublic
        || ((type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!));

    private static IEnumerable<MethodBase> Methods(Type type, string name) => name == ".ctor"
        ? type.GetConstructors(Declared)
        : type.GetMethods(Declared).Where(m => m.Name == name);

    private static bool HasSignature(MethodBase method, ReferencedMember member)
    {
        var returnType = method is MethodInfo info ? Text(info.ReturnType) : "System.Void";
        var arity = method.IsGenericMethodDefinition ? method.GetGenericArguments().Length : 0;
        return returnType == member.ReturnType
            && arity == member.GenericArity
            && method.GetParameters().Select(p => Text(p.ParameterType)).SequenceEqual(member.ParameterTypes);
    }

    /// <summary>A reflected type in <see cref="SignatureType"/>'s spelling, so the two can be compared.</summary>
    private static string Text(Type type) => type switch
    {
        { IsGenericParameter: true } => type.DeclaringMethod is null ? $"!{type.GenericParameterPosition}" : $"!!{type.GenericParameterPosition}",
        { IsByRef: true } => $"{Text(type.GetElementType()!)}&",
        { IsPointer: true } => $"{Text(type.GetElementType()!)}*",
        { IsSZArray: true } => $"{Text(type.GetElementType()!)}[]",
        { IsArray: true } => $"{Text(type.GetElementType()!)}[{new string(',', type.GetArrayRank() - 1)}]",
        { IsFunctionPointer: true } => "fnptr",
        // A generic type in a signature is always instantiated, if only with its own parameters.
        { IsGenericType: true } => $"{type.GetGenericTypeDefinition().FullName}<{string.Join(",", type.GetGenericArguments().Select(Text))}>",
        _ => type.FullName ?? type.Name,
    };
}
