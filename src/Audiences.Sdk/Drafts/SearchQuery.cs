using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Drafts;

/// <summary>A search: the kind of records to find and a filter over the provider's fields.</summary>
/// <param name="Kind">People or companies.</param>
/// <param name="Where">A filter in the filter text syntax over the provider's fields (e.g. <c>title contains "VP" and company_size &lt; 500</c>); null finds any.</param>
public sealed record SearchQuery(EntityKind Kind, string? Where)
{
    /// <summary>The most records to return. Default 100.</summary>
    public int Limit { get; init; } = 100;
}
