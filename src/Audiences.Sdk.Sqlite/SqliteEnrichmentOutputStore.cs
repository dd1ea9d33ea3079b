using System.Runtime.CompilerServices;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The enrichment run outputs of a <see cref="SqliteStore"/>: a batch is appended in one transaction; a run's outputs
/// are read in pages by id, each page a short read of its own, so a long run is streamed without holding a snapshot.
/// </summary>
internal sealed class SqliteEnrichmentOutputStore(SqliteStore store) : IEnrichmentOutputStore
{
    private const int PageSize = 500;

    /// <inheritdoc />
    public ValueTask AppendOutputsAsync(IReadOnlyList<EnrichmentRunOutput> outputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Any(o => o is null || string.IsNullOrWhiteSpace(o.InputsHash)))
        {
            throw new ArgumentException("Every output is set and has the hash of the inputs it was looked up with.", nameof(outputs));
        }

        if (outputs.Count > 0)
        {
            store.Write((connection, transaction) =>
            {
                EnrichmentWrites.AppendOutputs(connection, transaction, outputs);
                return true;
            }, cancellationToken);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<EnrichmentRunOutput> ListOutputsAsync(long runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = 0L;
        while (true)
        {
            var page = store.Read(scope => EnrichmentQueries.Outputs(scope.Connection, scope.Transaction, runId, after, PageSize), cancellationToken);
            foreach (var (_, output) in page)
            {
                yield return output;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
            await Task.Yield();
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<ProfileId, string>> FindLookupsAsync(
        string enrichment, IReadOnlyCollection<ProfileId> profiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrichment);
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count == 0)
        {
            return ValueTask.FromResult<IReadOnlyDictionary<ProfileId, string>>(new Dictionary<ProfileId, string>());
        }

        return ValueTask.FromResult<IReadOnlyDictionary<ProfileId, string>>(
            store.Read(scope => EnrichmentQueries.Lookups(scope.Connection, scope.Transaction, enrichment, profiles), cancellationToken));
    }
}
