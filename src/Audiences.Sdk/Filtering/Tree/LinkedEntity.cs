using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>An entity reachable from another by name, whose fields a filter reads as <c>name.field</c>.</summary>
/// <param name="Name">The name used in filters, e.g. <c>company</c>.</param>
/// <param name="FromKind">The kind the filter selects, e.g. <see cref="EntityKind.Person"/>.</param>
/// <param name="Kind">The kind of the linked entity, e.g. <see cref="EntityKind.Company"/>.</param>
public sealed record LinkedEntity(string Name, EntityKind FromKind, EntityKind Kind)
{
    /// <summary>A person's company, read as <c>company.field</c>.</summary>
    public static LinkedEntity PersonCompany { get; } = new("company", EntityKind.Person, EntityKind.Company);
}
