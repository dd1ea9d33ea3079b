using Audiences.Sdk.Credits;

namespace Audiences.Sdk.Signals;

/// <summary>
/// The host's entry point to signals: define a signal once — its provider, the audiences whose members it watches, how
/// far back it looks the first time and how often it checks again — preview what a run costs, then run it. Events found
/// are written to the profiles permanently: <c>signal_NAME</c> (when the latest event happened),
/// <c>signal_NAME_details</c> (what happened) and <c>signal_summary</c> (every signal of the record, newest first), so
/// they can be filtered on everywhere. Each audience the signal watches gets a companion audience: its criteria and
/// "the signal fired".
/// </summary>
/// <remarks>
/// Thread-safe. A record is checked from the look-back the first time, then from where its last check ended; every check
/// is paid from the signal's credit budget, reserved before the provider is called, so the cap holds across runs.
/// </remarks>
public interface ISignalService
{
    /// <summary>
    /// Checks a definition (its name can name fields, its provider is registered and of its kind and type, its audiences
    /// exist and are of its kind, its recurrence is positive), stores it — replacing the one of that name; its runs are
    /// kept — registers its fields, and creates the companion audience of each audience that has none yet.
    /// </summary>
    /// <returns>The definition as stored, with its <see cref="SignalDefinition.Companions"/>.</returns>
    /// <exception cref="ArgumentException">The definition is not usable; the message names the setting and what to do.</exception>
    Task<SignalDefinition> SaveAsync(SignalDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Reads a signal by name; null when there is none.</summary>
    ValueTask<SignalDefinition?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads every signal, ordered by name.</summary>
    ValueTask<IReadOnlyList<SignalDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a signal; its runs, the values it wrote and its companion audiences stay.</summary>
    /// <returns>Whether there was one with the name.</returns>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Sets the cap of the signal's budget (null for none).</summary>
    /// <exception cref="KeyNotFoundException">There is no signal with the name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="credits"/> is negative.</exception>
    Task SetBudgetAsync(string name, decimal? credits, CancellationToken cancellationToken = default);

    /// <summary>Reads the signal's budget: its cap, the credits spent and those held by calls in flight.</summary>
    /// <exception cref="KeyNotFoundException">There is no signal with the name.</exception>
    ValueTask<CreditBudget> GetBudgetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>What a run would cost now: the members of the signal's audiences, each at the provider's price per record.</summary>
    /// <exception cref="KeyNotFoundException">There is no signal with the name.</exception>
    Task<SignalCostPreview> PreviewCostAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks every member of the signal's audiences for events since its last check (the look-back for a record never
    /// checked), pays for each check, writes the events found to the profiles and refreshes the companion audiences.
    /// A run that reaches the cap stops cleanly with <see cref="SignalRunStatus.BudgetReached"/>; a provider failing for
    /// some records fails only those (they are checked again next time).
    /// </summary>
    /// <returns>The run as it ended.</returns>
    /// <exception cref="KeyNotFoundException">There is no signal with the name.</exception>
    Task<SignalRun> RunAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs every signal whose recurrence is due now, one after another, handing out each run as it ends. A run that
    /// fails outright is handed out as <see cref="SignalRunStatus.Failed"/> with its reason, and the signals due after
    /// it still run; only the caller's cancellation ends the pass early.
    /// </summary>
    IAsyncEnumerable<SignalRun> RunDueAsync(CancellationToken cancellationToken = default);

    /// <summary>When the next signal falls due (now, when one is due); null when none recurs.</summary>
    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a signal's runs, newest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<SignalRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default);
}
