using System.Runtime.CompilerServices;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The export outcome ledger of a <see cref="SqliteStore"/>: a call's outcomes and its changes to the failures are
/// written in one transaction; a run's outcomes are read in pages by rowid, each page a short read of its own, so a
/// long run is streamed without holding a snapshot.
/// </summary>
internal sealed class SqliteExportOutcomeStore(SqliteStore store) : IExportOutcomeStore
{
    private const int PageSize = 500;

    /// <inheritdoc />
    public ValueTask RecordAsync(string exportName, long run, IReadOnlyList<ExportOutcome> outcomes, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exportName);
        Check(outcomes);
        if (outcomes.Count > 0)
        {
            store.Write((connection, transaction) =>
            {
                ExportWrites.RecordOutcomes(connection, transaction, exportName, run, outcomes, at);
                return true;
            }, cancellationToken);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ExportOutcome> ListOutcomesAsync(string exportName, long run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        return Pages(exportName, run, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ExportFailure>> ListFailuresAsync(string exportName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exportName);
        return ValueTask.FromResult<IReadOnlyList<ExportFailure>>(
            store.Read(scope => ExportQueries.Failures(scope.Connection, scope.Transaction, exportName), cancellationToken));
    }

    /// <summary>Refuses the whole call before anything is written: a null outcome, a failure without a reason, or a profile twice.</summary>
    /// <exception cref="ArgumentException">An outcome is refused; the message says which and why.</exception>
    private static void Check(IReadOnlyList<ExportOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var seen = new HashSet<ProfileId>();
        foreach (var outcome in outcomes)
        {
            if (outcome is null)
            {
                throw new ArgumentException("Every outcome is set.", nameof(outcomes));
            }

            if (outcome.Kind == ExportOutcomeKind.Failed && string.IsNullOrWhiteSpace(outcome.Reason))
            {
                throw new ArgumentException($"The failed outcome of profile {outcome.Profile} has no reason; a failure keeps the destination's reason.", nameof(outcomes));
            }

            if (!seen.Add(outcome.Profile))
            {
                throw new ArgumentException($"Profile {outcome.Profile} has two outcomes in one call; record at most one per profile.", nameof(outcomes));
            }
        }
    }

    private async IAsyncEnumerable<ExportOutcome> Pages(string exportName, long run, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = store.Read(scope => ExportQueries.Outcomes(scope.Connection, scope.Transaction, exportName, run, after, PageSize), cancellationToken);
            foreach (var (_, outcome) in page)
            {
                yield return outcome;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
            await Task.Yield();
        }
    }
}
