using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sync;

/// <summary>
/// Where a sync's records land when they are related records (deals, opportunities, activities) rather than
/// people or companies: their collection, the kind of their owners, and the source field naming the owner.
/// </summary>
/// <param name="Type">The related collection, e.g. <c>deals</c> (declared in <c>AudiencesOptions.RelatedRecordTypes</c> to be filterable).</param>
/// <param name="OwnerKind">The kind of the owning profiles, e.g. companies.</param>
/// <param name="OwnerField">The source field that names each record's owner.</param>
public sealed record RelatedTarget(string Type, EntityKind OwnerKind, string OwnerField)
{
    /// <summary>
    /// When set, the owner field holds the external id of the owner's record in this source object (e.g.
    /// <c>accounts</c>: the owner is the record <c>source/accounts/value</c>); when null, it holds an alias of the
    /// owner named by <see cref="OwnerAliasField"/>.
    /// </summary>
    public string? OwnerObject { get; init; }

    /// <summary>The alias field the owner field holds when <see cref="OwnerObject"/> is null. Default <c>domain</c>.</summary>
    public string OwnerAliasField { get; init; } = AliasFields.Domain;
}
