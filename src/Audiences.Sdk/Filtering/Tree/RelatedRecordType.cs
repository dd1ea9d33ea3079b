using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>A type of related record filterable through a quantifier, e.g. a company's <c>opportunities</c>.</summary>
/// <param name="Name">The collection name used in filters (a <see cref="RelatedRecord.Type"/> such as <c>opportunities</c>).</param>
/// <param name="OwnerKind">The entity kind that owns the records.</param>
/// <param name="Fields">The fields of the related records.</param>
public sealed record RelatedRecordType(string Name, EntityKind OwnerKind, IReadOnlyList<FieldDefinition> Fields);
