namespace Audiences.Sdk.Exports;

/// <summary>
/// The outcome ledger: every record's outcome in every export run, and the records whose last write failed, with
/// their reason, attempts and next try.
/// </summary>
/// <remarks>
/// Thread-safe. Export names are compared ignoring case. Every implementation must pass
/// <c>ExportOutcomeStoreSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IExportOutcomeStore
{
    /// <summary>
    /// Appends outcomes of a run, and keeps the failures current in the same transaction: a
    /// <see cref="ExportOutcomeKind.Failed"/> outcome sets its record's failure (reason, attempts from
    /// <see cref="ExportOutcome.Attempt"/>, <paramref name="at"/>, <see cref="ExportOutcome.RetryAt"/>); any other
    /// outcome clears it.
    /// </summary>
    /// <param name="exportName">The export's name.</param>
    /// <param name="run">The run's id.</param>
    /// <param name="outcomes">The outcomes, at most one per profile in one call.</param>
    /// <param name="at">When they happened.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A failed outcome has no reason, or a profile appears twice.</exception>
    ValueTask RecordAsync(string exportName, long run, IReadOnlyList<ExportOutcome> outcomes, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Reads the outcomes of one run, in the order recorded.</summary>
    /// <param name="exportName">The export's name.</param>
    /// <param name="run">The run's id.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    IAsyncEnumerable<ExportOutcome> ListOutcomesAsync(string exportName, long run, CancellationToken cancellationToken = default);

    /// <summary>Reads the records of an export whose last write failed, by profile id.</summary>
    /// <param name="exportName">The export's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IReadOnlyList<ExportFailure>> ListFailuresAsync(string exportName, CancellationToken cancellationToken = default);
}
