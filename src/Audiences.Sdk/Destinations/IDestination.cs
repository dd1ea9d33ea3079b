namespace Audiences.Sdk.Destinations;

/// <summary>
/// A system profiles are written to: a CRM object, a table, a file, an ad platform's audience. It describes what it
/// holds, reads the current values of records it holds, and takes batches of creates, updates and removals, answering
/// for each record.
/// </summary>
/// <remarks>
/// Created by an <see cref="IDestinationFactory"/> from <see cref="DestinationSettings"/>, one per export run. A
/// destination must never throw for one bad record: it answers that record with a <see cref="DestinationResult"/> that
/// carries the reason, and the rest of the batch goes on. It throws <see cref="DestinationUnavailableException"/> when
/// the whole call failed (the service is down, rate-limited, the credentials are refused).
/// </remarks>
public interface IDestination
{
    /// <summary>What the destination holds, its batch limit, and whether it can read, create and remove.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="DestinationUnavailableException">The destination cannot be reached or refused the settings.</exception>
    ValueTask<DestinationDescription> DescribeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The current values of the records held under <see cref="DestinationReadRequest.Keys"/>: one
    /// <see cref="DestinationRecord"/> for each key the destination holds, none for a key it does not. Only called when
    /// <see cref="DestinationDescription.CanRead"/> is true.
    /// </summary>
    /// <param name="request">The keys, and the fields whose values are wanted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="DestinationUnavailableException">The read failed as a whole.</exception>
    IAsyncEnumerable<DestinationRecord> ReadAsync(DestinationReadRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a batch of at most <see cref="DestinationDescription.MaxBatchSize"/> writes and answers each: exactly one
    /// <see cref="DestinationResult"/> per write, matched by key (in any order). A write repeated after a failure or a
    /// lost answer must have the same effect as one write (idempotent), so runs can retry.
    /// </summary>
    /// <param name="writes">The writes, one per key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="DestinationUnavailableException">The call failed as a whole; nothing can be said of any record.</exception>
    Task<IReadOnlyList<DestinationResult>> WriteAsync(IReadOnlyList<DestinationWrite> writes, CancellationToken cancellationToken = default);
}
