using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Drafts;

/// <summary>Where drafts and their records are kept, apart from the profiles.</summary>
/// <remarks>Thread-safe; each call stands alone. Every implementation must pass <c>DraftStoreSpecification</c> in <c>Audiences.Sdk.Testing</c>.</remarks>
public interface IDraftStore
{
    /// <summary>Stores a new draft with its records.</summary>
    /// <param name="draft">The draft, with <see cref="Draft.Id"/> 0.</param>
    /// <param name="records">Its records, in the order found.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The draft with its id (larger than every earlier draft's) and record count.</returns>
    ValueTask<Draft> CreateAsync(Draft draft, IReadOnlyList<SourceRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Reads a draft; null when there is none with the id.</summary>
    ValueTask<Draft?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads every draft, newest first.</summary>
    ValueTask<IReadOnlyList<Draft>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a draft's records in the order found (none once it is discarded).</summary>
    /// <exception cref="KeyNotFoundException">There is no draft with the id.</exception>
    ValueTask<IReadOnlyList<SourceRecord>> ListRecordsAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Marks an open draft committed or discarded; a discarded draft's records are dropped.</summary>
    /// <returns>The draft as stored.</returns>
    /// <exception cref="KeyNotFoundException">There is no draft with the id.</exception>
    /// <exception cref="InvalidOperationException">The draft is not open.</exception>
    ValueTask<Draft> DecideAsync(long id, DraftStatus status, DateTimeOffset at, CancellationToken cancellationToken = default);
}
