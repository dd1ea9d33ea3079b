namespace Audiences.Sdk.Sources;

/// <summary>
/// A system records are imported from — a warehouse query, a CSV file, a CRM object — that describes its
/// objects and reads them in batches: in full, or only what changed after a cursor it handed out before.
/// </summary>
/// <remarks>
/// Sources read; they never write to a store. The sync engine maps what they read onto profile fields, matches
/// and merges it, and keeps the cursor of each committed batch, so a run that fails is resumed from the last
/// batch it stored. Thread-safety: one read at a time per instance unless the implementation says otherwise.
/// Every implementation should pass <c>SourceSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface ISource
{
    /// <summary>Describes the objects the source can read and the fields of each, for mapping and preview.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The objects, each with its fields in the source's order.</returns>
    /// <exception cref="SourceUnavailableException">The source could not be reached; retrying may succeed.</exception>
    ValueTask<IReadOnlyList<SourceObject>> DescribeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one object in batches: everything (<see cref="SourceReadMode.Full"/>), or what changed after
    /// <see cref="SourceReadRequest.Cursor"/> (<see cref="SourceReadMode.Incremental"/>). Each batch carries the
    /// cursor to resume after it; a full read ends with a cursor too, so the next incremental read starts there.
    /// </summary>
    /// <param name="request">The object, the mode, the cursor and the batch size.</param>
    /// <param name="cancellationToken">
    /// Cancels the read, also while a batch is being read: the sync engine cancels a read that sends no batch within
    /// its batch timeout and waits for it to stop, so a read must end promptly (throwing
    /// <see cref="OperationCanceledException"/>) when this is cancelled.
    /// </param>
    /// <returns>The batches, in cursor order.</returns>
    /// <exception cref="ArgumentException">The request names an unknown object or field, or its cursor is not one this source wrote.</exception>
    /// <exception cref="NotSupportedException">An incremental read of an object without a timestamp field.</exception>
    /// <exception cref="SourceUnavailableException">The source failed while reading; retrying from the last cursor may succeed.</exception>
    IAsyncEnumerable<SourceBatch> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default);
}
