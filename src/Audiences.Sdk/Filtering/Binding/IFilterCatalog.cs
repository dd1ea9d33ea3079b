using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// What a filter may name: the fields of each entity kind, the related-record collections that hang
/// off it (with their fields) and the linked entities reachable from it (a person's <c>company</c>).
/// </summary>
/// <remarks>Implementations must be safe to read from several threads at once.</remarks>
public interface IFilterCatalog
{
    /// <summary>The fields of <paramref name="kind"/>.</summary>
    IReadOnlyList<FieldDefinition> GetFields(EntityKind kind);

    /// <summary>The related collections owned by <paramref name="kind"/>, e.g. a company's <c>opportunities</c>.</summary>
    IReadOnlyList<RelatedRecordType> GetRelatedRecordTypes(EntityKind kind);

    /// <summary>The entities linked from <paramref name="kind"/>, e.g. a person's <c>company</c>.</summary>
    IReadOnlyList<LinkedEntity> GetLinkedEntities(EntityKind kind);
}
