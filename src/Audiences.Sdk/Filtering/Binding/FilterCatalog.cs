using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>An immutable <see cref="IFilterCatalog"/> over given field definitions, related collections and links.</summary>
/// <remarks>Thread-safe: nothing changes after construction.</remarks>
public sealed class FilterCatalog : IFilterCatalog
{
    private readonly ILookup<EntityKind, FieldDefinition> _fields;
    private readonly ILookup<EntityKind, RelatedRecordType> _related;
    private readonly ILookup<EntityKind, LinkedEntity> _linked;

    /// <summary>Creates a catalog.</summary>
    /// <param name="fields">The fields of people and companies (each keeps its <see cref="FieldDefinition.Kind"/>).</param>
    /// <param name="related">The related collections; none when null.</param>
    /// <param name="linked">The linked entities; when null, a person's <c>company</c> (<see cref="LinkedEntity.PersonCompany"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null.</exception>
    /// <exception cref="ArgumentException">Two fields of one kind, two collections of one owner or two links from one kind share a name.</exception>
    public FilterCatalog(
        IEnumerable<FieldDefinition> fields,
        IEnumerable<RelatedRecordType>? related = null,
        IEnumerable<LinkedEntity>? linked = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = Unique(fields, f => f.Kind, f => f.Key, "field");
        _related = Unique(related ?? [], r => r.OwnerKind, r => r.Name, "related collection");
        _linked = Unique(linked ?? [LinkedEntity.PersonCompany], l => l.FromKind, l => l.Name, "linked entity");
    }

    /// <inheritdoc />
    public IReadOnlyList<FieldDefinition> GetFields(EntityKind kind) => [.. _fields[kind]];

    /// <inheritdoc />
    public IReadOnlyList<RelatedRecordType> GetRelatedRecordTypes(EntityKind kind) => [.. _related[kind]];

    /// <inheritdoc />
    public IReadOnlyList<LinkedEntity> GetLinkedEntities(EntityKind kind) => [.. _linked[kind]];

    private static ILookup<EntityKind, T> Unique<T>(IEnumerable<T> items, Func<T, EntityKind> kind, Func<T, string> name, string what)
    {
        var list = items.ToList();
        var duplicate = list.GroupBy(i => (kind(i), name(i).ToLowerInvariant())).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The {what} '{duplicate.Key.Item2}' is given twice for {duplicate.Key.Item1}.", nameof(items));
        }

        return list.ToLookup(kind);
    }
}
