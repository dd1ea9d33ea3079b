namespace Audiences.Sdk.Enrichment;

/// <summary>
/// The run history of enrichments, by enrichment name. Runs are keyed by the name, not the definition, so they
/// survive edits of it; only <see cref="DeleteRunsAsync"/> removes them.
/// </summary>
/// <remarks>
/// Thread-safe; each call stands alone. Every implementation must pass <c>EnrichmentRunStoreSpecification</c> in
/// <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IEnrichmentRunStore
{
    /// <summary>Records the start of a run.</summary>
    /// <param name="run">The run, with <see cref="EnrichmentRun.Id"/> 0.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run with its id, larger than every earlier run's; ids are never handed out again.</returns>
    ValueTask<EnrichmentRun> StartRunAsync(EnrichmentRun run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records how a started run ended (its status, counts, credits and errors); what identifies it (enrichment,
    /// trigger, start) stays as started. A run no longer running keeps its record: the call changes nothing.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No run with the id was started.</exception>
    ValueTask FinishRunAsync(EnrichmentRun run, CancellationToken cancellationToken = default);

    /// <summary>Reads a run by id.</summary>
    /// <returns>The run, or null when none has the id.</returns>
    ValueTask<EnrichmentRun?> GetRunAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads an enrichment's runs (its name in any case), newest first.</summary>
    /// <param name="enrichment">The enrichment's name.</param>
    /// <param name="limit">The most runs to read; at least 1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<EnrichmentRun>> ListRunsAsync(string enrichment, int limit, CancellationToken cancellationToken = default);

    /// <summary>Forgets an enrichment's runs and their outputs (see <see cref="IEnrichmentOutputStore"/>).</summary>
    /// <returns>How many runs were forgotten.</returns>
    ValueTask<int> DeleteRunsAsync(string enrichment, CancellationToken cancellationToken = default);
}
