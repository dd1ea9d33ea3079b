namespace Audiences.Sdk.Storage;

/// <summary>
/// Which source records a store holds for one source object: what a full read compares with to find the records
/// the source no longer has.
/// </summary>
/// <remarks>Thread-safe: reads see committed sessions only. Every implementation must pass <c>SourceRecordIndexSpecification</c>.</remarks>
public interface ISourceRecordIndex
{
    /// <summary>Streams the external ids of the stored source records of one source and object, in ordinal order.</summary>
    /// <param name="source">The source name of the keys.</param>
    /// <param name="objectName">The object name of the keys.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    IAsyncEnumerable<string> ListExternalIdsAsync(string source, string objectName, CancellationToken cancellationToken = default);
}
