using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

/// <summary>
/// The host's entry point to syncs: configure an import once, then run it by hand or on its schedule. Each run
/// reads the source from the stored cursor, maps, matches and merges the records like any import, and stores each
/// batch with its cursor, so a failed run is resumed where it stopped.
/// </summary>
/// <remarks>Thread-safe. Runs of one sync never overlap, in this process or another sharing the store.</remarks>
public interface ISyncService
{
    /// <summary>
    /// Checks a definition against its source (the object and every mapped, id and timestamp field exist) and
    /// stores it, replacing the one with the same name. Its history is kept, and its cursor too unless the new definition
    /// reads differently (other source settings, object, id or timestamp field, kind or related target): then the next
    /// run starts from the beginning.
    /// </summary>
    /// <returns>The definition as stored.</returns>
    /// <exception cref="ArgumentException">
    /// The definition is not usable, or its source failed on it (a missing table, a rejected query; the source's error is
    /// the inner exception); the message names the setting, field or object and what to do.
    /// </exception>
    /// <exception cref="SourceUnavailableException">The source could not be reached to check it.</exception>
    Task<SyncDefinition> SaveAsync(SyncDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Reads a sync by name; null when there is none.</summary>
    ValueTask<SyncDefinition?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads every sync, ordered by name.</summary>
    ValueTask<IReadOnlyList<SyncDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a sync with its cursor and history; what it imported stays.</summary>
    /// <returns>Whether there was one with the name.</returns>
    /// <exception cref="InvalidOperationException">A run of the sync is running; remove it once the run has ended.</exception>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a sync now. Without <paramref name="mode"/>, a sync with a timestamp field reads incrementally from its
    /// cursor (in full when a full read is due), one without reads in full.
    /// </summary>
    /// <returns>The run as it ended (failed runs are returned, not thrown: the run says why).</returns>
    /// <exception cref="KeyNotFoundException">There is no sync with the name.</exception>
    /// <exception cref="InvalidOperationException">Another run of the sync is running.</exception>
    Task<SyncRun> RunAsync(string name, SourceReadMode? mode = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs every sync that is due now (each once, however many slots it missed), one after another, handing out each
    /// run as it ends, so a caller can act on it (refresh membership, say) before the next one starts.
    /// </summary>
    /// <returns>The runs, in the order they ran; none when nothing was due. A due sync running elsewhere is skipped.</returns>
    IAsyncEnumerable<SyncRun> RunDueAsync(CancellationToken cancellationToken = default);

    /// <summary>When the next sync falls due; null when no sync runs on a schedule.</summary>
    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default);

    /// <summary>When one sync falls due next: its next scheduled slot, or now when a slot was missed.</summary>
    /// <returns>The time; null when the sync runs by hand only.</returns>
    /// <exception cref="KeyNotFoundException">There is no sync with the name.</exception>
    Task<DateTimeOffset?> GetNextDueAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads a sync's runs, newest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<SyncRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default);

    /// <summary>Proposes a mapping for a source object: each field onto the profile field its name or a common synonym names.</summary>
    /// <param name="source">How to open the source.</param>
    /// <param name="objectName">The object to map.</param>
    /// <param name="kind">The kind of profile the records describe.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The source settings are not usable, there is no such object, or the source failed describing it.</exception>
    /// <exception cref="SourceUnavailableException">The source could not be reached.</exception>
    Task<IReadOnlyList<MappingProposal>> ProposeMappingAsync(SourceSettings source, string objectName, EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Shows the first records of a definition's source as they would land — mapped, typed, keyed — with warnings
    /// (alias fields not mapped, values of the wrong type, duplicate or missing ids), storing nothing.
    /// </summary>
    /// <param name="definition">The definition to preview; it need not be saved.</param>
    /// <param name="rows">How many records to show; at least 1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The definition is not usable, or its source failed on it (the source's error is the inner exception).</exception>
    /// <exception cref="SourceUnavailableException">The source could not be reached.</exception>
    Task<SyncPreview> PreviewAsync(SyncDefinition definition, int rows = 10, CancellationToken cancellationToken = default);
}
