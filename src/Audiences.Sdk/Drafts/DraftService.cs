using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Drafts;

/// <summary>The default <see cref="IDraftService"/>: search results kept in drafts, imported only when committed.</summary>
internal sealed class DraftService(IDraftStore drafts, IEnumerable<ISearchProvider> providers, IProfileService profiles, TimeProvider time) : IDraftService
{
    private readonly Dictionary<string, ISearchProvider> _providers = providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public async Task<Draft> SearchAsync(string provider, SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var search = _providers.GetValueOrDefault(provider) ?? throw new KeyNotFoundException(
            $"No search provider named '{provider}' is registered; registered: {(_providers.Count == 0 ? "none" : string.Join(", ", _providers.Keys.Order(StringComparer.Ordinal)))}.");
        var records = new List<SourceRecord>();
        await foreach (var record in search.SearchAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (record.Kind != query.Kind)
            {
                throw new InvalidOperationException($"The search provider '{search.Name}' returned a {EntityKindText.Word(record.Kind)} record ({record.Key}) for a search of {EntityKindText.Word(query.Kind)} records.");
            }

            records.Add(record);
            if (records.Count == query.Limit)
            {
                break;
            }
        }

        var draft = new Draft(0, query.Kind, search.Name, query.Where ?? string.Empty, time.GetUtcNow());
        return await drafts.CreateAsync(draft, records, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<IReadOnlyList<Draft>> ListAsync(CancellationToken cancellationToken = default) => drafts.ListAsync(cancellationToken);

    public ValueTask<Draft?> GetAsync(long id, CancellationToken cancellationToken = default) => drafts.GetAsync(id, cancellationToken);

    public ValueTask<IReadOnlyList<SourceRecord>> ListRecordsAsync(long id, CancellationToken cancellationToken = default) =>
        drafts.ListRecordsAsync(id, cancellationToken);

    public async Task<ImportResult> CommitAsync(long id, CancellationToken cancellationToken = default)
    {
        var draft = await OpenDraftAsync(id, cancellationToken).ConfigureAwait(false);
        var records = await drafts.ListRecordsAsync(id, cancellationToken).ConfigureAwait(false);

        // The records are imported before the draft is marked: a crash in between leaves an open draft whose commit,
        // run again, finds every record already stored and changes nothing.
        var result = await profiles.UpsertAsync(records, new ImportOptions(draft.Kind), cancellationToken).ConfigureAwait(false);
        await drafts.DecideAsync(id, DraftStatus.Committed, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task<Draft> DiscardAsync(long id, CancellationToken cancellationToken = default)
    {
        await OpenDraftAsync(id, cancellationToken).ConfigureAwait(false);
        return await drafts.DecideAsync(id, DraftStatus.Discarded, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Draft> OpenDraftAsync(long id, CancellationToken cancellationToken)
    {
        var draft = await drafts.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"There is no draft {id}.");
        return draft.Status == DraftStatus.Open
            ? draft
            : throw new InvalidOperationException($"Draft {id} was already {draft.Status.ToString().ToLowerInvariant()} at {draft.DecidedAt:u}; only an open draft can be committed or discarded.");
    }
}
