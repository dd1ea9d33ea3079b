using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>What names a part of a filter may use: a kind's fields, links and collections, or a related collection's fields.</summary>
internal sealed record BindingScope(
    string Description,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<LinkedEntity> Linked,
    IReadOnlyList<RelatedRecordType> Related)
{
    /// <summary>Whether the scope is a kind's own (where quantifiers may appear), not a link's or a collection's.</summary>
    public bool IsKind { get; init; }

    public static BindingScope ForKind(EntityKind kind, IFilterCatalog catalog) => new(
        kind == EntityKind.Person ? "people" : "companies",
        catalog.GetFields(kind), catalog.GetLinkedEntities(kind), catalog.GetRelatedRecordTypes(kind))
    {
        IsKind = true,
    };

    public static BindingScope ForLink(LinkedEntity link, IFilterCatalog catalog) =>
        new($"the linked {link.Name}", catalog.GetFields(link.Kind), [], []);

    public static BindingScope ForCollection(RelatedRecordType collection) =>
        new($"{collection.Name} records", collection.Fields, [], []);
}
