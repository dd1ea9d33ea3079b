namespace Audiences.Sdk.Exports;

/// <summary>
/// Exports: definitions checked against their destination, write plans before anything is sent, runs that send only
/// what changed since the last successful one, the outcome ledger and its retries, and the schedule.
/// </summary>
/// <remarks>Registered by <c>AddAudiences(...)</c>; destinations are added with their builder extensions.</remarks>
public interface IExportService
{
    /// <summary>
    /// Checks a definition against its destination (fields exist, creating and removing are possible when asked, the
    /// audiences exist and hold its kind) and stores it, replacing the one with its name.
    /// </summary>
    /// <param name="definition">The definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored definition.</returns>
    /// <exception cref="ArgumentException">The definition is invalid; the message names what and why.</exception>
    Task<ExportDefinition> SaveAsync(ExportDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Reads a definition by name (ignoring case); null when there is none.</summary>
    /// <param name="name">The export's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<ExportDefinition?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads every definition, ordered by name.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IReadOnlyList<ExportDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a definition; its history stays.</summary>
    /// <param name="name">The export's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether there was one.</returns>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// The write plan of the next run: per record and field, what would be written, kept by rule, left unchanged,
    /// created or removed. Reads the destination's current values; sends nothing and moves no checkpoint.
    /// </summary>
    /// <param name="name">The export's name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="KeyNotFoundException">There is no export with the name.</exception>
    IAsyncEnumerable<ExportPlanRecord> PlanAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs an export now: refreshes audience membership (so entries and exits are current), then sends everything the
    /// first time, and later only what changed since its last successful run, plus the failures due a retry.
    /// </summary>
    /// <param name="name">The export's name.</param>
    /// <param name="cancellationToken">Cancels the run; it is recorded as failed.</param>
    /// <returns>The finished run.</returns>
    /// <exception cref="KeyNotFoundException">There is no export with the name.</exception>
    /// <exception cref="InvalidOperationException">Another run of the export is in progress.</exception>
    Task<ExportRun> RunAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs every export whose interval has passed since its last run started, yielding each run as it finishes. A run
    /// that fails outright is yielded as <see cref="ExportRunStatus.Failed"/> with its reason, and the exports due after
    /// it still run; one running elsewhere is skipped; only the caller's cancellation ends the pass early.
    /// </summary>
    /// <param name="cancellationToken">Cancels the runs.</param>
    IAsyncEnumerable<ExportRun> RunDueAsync(CancellationToken cancellationToken = default);

    /// <summary>When the next export falls due (now when one is overdue); null when none runs on its own.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads an export's runs, newest first.</summary>
    /// <param name="name">The export's name.</param>
    /// <param name="limit">The most runs to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IReadOnlyList<ExportRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default);

    /// <summary>Reads the per-record outcomes of one run of an export.</summary>
    /// <param name="name">The export's name.</param>
    /// <param name="run">The run's id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<ExportOutcome> ListOutcomesAsync(string name, long run, CancellationToken cancellationToken = default);

    /// <summary>Reads the records of an export whose last write failed, with their reasons and next tries.</summary>
    /// <param name="name">The export's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IReadOnlyList<ExportFailure>> ListFailuresAsync(string name, CancellationToken cancellationToken = default);
}
