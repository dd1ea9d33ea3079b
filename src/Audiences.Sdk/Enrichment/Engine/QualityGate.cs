using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment.Engine;

/// <summary>
/// Binds an enrichment's quality gate. The gate usually tests the fields the enrichment creates (<c>work_email is not
/// empty</c>), which the catalog may not hold before its first write, so those are bound as the provider declares them.
/// </summary>
internal static class QualityGate
{
    public static async Task<BoundFilter> BindAsync(
        EnrichmentDefinition definition, string gate, IEnrichmentProvider provider, IProfileService profiles, CancellationToken cancellationToken)
    {
        var catalog = await profiles.GetFilterCatalogAsync(cancellationToken).ConfigureAwait(false);
        var known = catalog.GetFields(definition.Kind).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var created = definition.Mappings
            .Where(m => !known.Contains(m.Field))
            .Select(m => new FieldDefinition(m.Field, definition.Kind, provider.Outputs.First(o => o.Field == m.Output).Type, "enrichment"))
            .DistinctBy(f => f.Key);
        var kinds = new[] { EntityKind.Person, EntityKind.Company };
        var extended = new FilterCatalog(
            kinds.SelectMany(catalog.GetFields).Concat(created),
            kinds.SelectMany(catalog.GetRelatedRecordTypes),
            kinds.SelectMany(catalog.GetLinkedEntities));
        return FilterBinder.Bind(FilterParser.Parse(gate), definition.Kind, extended);
    }
}
