using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Drafts;

/// <summary>
/// Search results as drafts: a search lands its records in a draft, kept apart from all people and all companies,
/// to be reviewed, then committed (matched and merged like any import, ranked as search results) or discarded.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public interface IDraftService
{
    /// <summary>Searches with a registered provider and keeps the results in a new open draft.</summary>
    /// <returns>The draft.</returns>
    /// <exception cref="KeyNotFoundException">No provider of that name is registered; the message lists those that are.</exception>
    /// <exception cref="Filtering.FilterException">The filter does not parse or names a field the provider does not search on.</exception>
    Task<Draft> SearchAsync(string provider, SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads every draft, newest first.</summary>
    ValueTask<IReadOnlyList<Draft>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a draft; null when there is none with the id.</summary>
    ValueTask<Draft?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads a draft's records.</summary>
    /// <exception cref="KeyNotFoundException">There is no draft with the id.</exception>
    ValueTask<IReadOnlyList<SourceRecord>> ListRecordsAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Imports an open draft's records (matched and merged into the profiles) and marks it committed.</summary>
    /// <returns>What the import did.</returns>
    /// <exception cref="KeyNotFoundException">There is no draft with the id.</exception>
    /// <exception cref="InvalidOperationException">The draft is not open.</exception>
    Task<ImportResult> CommitAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Drops an open draft's records and marks it discarded; nothing reaches the profiles.</summary>
    /// <returns>The draft as stored.</returns>
    /// <exception cref="KeyNotFoundException">There is no draft with the id.</exception>
    /// <exception cref="InvalidOperationException">The draft is not open.</exception>
    Task<Draft> DiscardAsync(long id, CancellationToken cancellationToken = default);
}
