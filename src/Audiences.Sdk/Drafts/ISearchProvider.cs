using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Drafts;

/// <summary>
/// Finds people or companies outside the workspace — by job title, seniority and company for people; by industry,
/// size and technology for companies — as records a draft holds until someone commits it.
/// </summary>
/// <remarks>Thread-safe. Every implementation should pass <c>SearchProviderSpecification</c> in <c>Audiences.Sdk.Testing</c>.</remarks>
public interface ISearchProvider
{
    /// <summary>The provider's name, as a search names it (e.g. <c>sample</c>).</summary>
    string Name { get; }

    /// <summary>Searches, returning at most <see cref="SearchQuery.Limit"/> records of <see cref="SearchQuery.Kind"/>.</summary>
    /// <param name="query">What to find.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The records found, each keyed in the provider's source and of <see cref="SourceKind.Search"/>.</returns>
    /// <exception cref="Filtering.FilterException">The query's filter does not parse, or names a field the provider does not search on.</exception>
    IAsyncEnumerable<SourceRecord> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);
}
