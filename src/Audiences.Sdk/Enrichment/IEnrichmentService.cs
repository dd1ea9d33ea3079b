using Audiences.Sdk.Credits;

namespace Audiences.Sdk.Enrichment;

/// <summary>
/// The host's entry point to enrichment: define an enrichment once — its providers (tried in order), the audiences it
/// serves, where its outputs land — give it a credit budget, try it on a few records, then run it. Found values are
/// written to the profiles permanently, with provenance, and serve every audience; a record already looked up with the
/// same inputs is not bought again.
/// </summary>
/// <remarks>
/// Thread-safe. Runs of one enrichment may overlap (a scheduled run and one by hand): the budget holds across them, in
/// this process and any other sharing the store, since every provider call is paid from a reservation taken first.
/// </remarks>
public interface IEnrichmentService
{
    /// <summary>
    /// Checks a definition (its providers are registered and of its kind, its mapped outputs exist, its audiences exist
    /// and are of its kind, its gate is a filter of its kind) and stores it, replacing the one of that name; its runs are kept.
    /// </summary>
    /// <returns>The definition as stored.</returns>
    /// <exception cref="ArgumentException">The definition is not usable; the message names the setting and what to do.</exception>
    Task<EnrichmentDefinition> SaveAsync(EnrichmentDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports what is wrong with the enrichment as it stands, without running it: when its record action caps the
    /// rows it takes (<see cref="IRecordAction.MaxRows"/>) and its audiences hold more distinct members than that, a
    /// warning naming the enrichment, the action, the cap and the audiences' size. A run hands such an action at most
    /// the cap and counts the rest in <see cref="EnrichmentRun.HeldBack"/>.
    /// </summary>
    /// <returns>The warnings; empty when there are none.</returns>
    /// <exception cref="KeyNotFoundException">There is no enrichment with the name.</exception>
    Task<IReadOnlyList<string>> CheckAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads an enrichment by name; null when there is none.</summary>
    ValueTask<EnrichmentDefinition?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads every enrichment, ordered by name.</summary>
    ValueTask<IReadOnlyList<EnrichmentDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes an enrichment; its runs, their outputs and the values it wrote stay.</summary>
    /// <returns>Whether there was one with the name.</returns>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets the cap of the enrichment's budget (null for none); a budget shared by several enrichments is capped for all.
    /// Raising it lets a run that reached the cap go on when run again.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no enrichment with the name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="credits"/> is negative.</exception>
    Task SetBudgetAsync(string name, decimal? credits, CancellationToken cancellationToken = default);

    /// <summary>Reads the enrichment's budget: its cap, the credits spent and those held by calls in flight.</summary>
    /// <exception cref="KeyNotFoundException">There is no enrichment with the name.</exception>
    ValueTask<CreditBudget> GetBudgetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the enrichment on its audiences' members: skips records missing an input and (unless <paramref name="force"/>)
    /// those already looked up with the same inputs, pays each provider call from the budget, writes what it finds, and
    /// counts records that miss the quality gate. A run that reaches the cap stops cleanly with
    /// <see cref="EnrichmentRunStatus.BudgetReached"/>; a provider failing for some records fails only those.
    /// </summary>
    /// <returns>The run as it ended.</returns>
    /// <exception cref="KeyNotFoundException">There is no enrichment with the name.</exception>
    Task<EnrichmentRun> RunAsync(string name, bool force = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tries the enrichment on the first <paramref name="rows"/> members that hold its inputs, paying for them, and
    /// keeps the answers in the run's outputs without writing anything to the profiles.
    /// </summary>
    /// <returns>The test run; its outputs are read with <see cref="ListOutputsAsync"/>.</returns>
    /// <exception cref="KeyNotFoundException">There is no enrichment with the name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is less than 1.</exception>
    Task<EnrichmentRun> TestAsync(string name, int rows = 10, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs every enrichment that is due now, one after another, handing out each run as it ends: those on a schedule
    /// at their next slot, and continuous ones every 15 minutes (members already looked up cost nothing, so such a run
    /// buys only for records that entered the audiences since). Missed slots make an enrichment due once. A run that
    /// fails outright is handed out as <see cref="EnrichmentRunStatus.Failed"/> with its reason, and the enrichments due
    /// after it still run; only the caller's cancellation ends the pass early.
    /// </summary>
    IAsyncEnumerable<EnrichmentRun> RunDueAsync(CancellationToken cancellationToken = default);

    /// <summary>When the next enrichment falls due (now, when one is due); null when none runs on its own.</summary>
    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads an enrichment's runs, newest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<EnrichmentRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default);

    /// <summary>Reads a run by id; null when there is none.</summary>
    ValueTask<EnrichmentRun?> GetRunAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Streams what a run got for each record, in the order it got it: archived runs keep their outputs.</summary>
    IAsyncEnumerable<EnrichmentRunOutput> ListOutputsAsync(long runId, CancellationToken cancellationToken = default);
}
