using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Drafts;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingDraftStore(IDraftStore inner) : IDraftStore
{
    /// <summary>The contract calls go to.</summary>
    protected IDraftStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<Draft> CreateAsync(Draft draft, IReadOnlyList<SourceRecord> records, CancellationToken cancellationToken = default) =>
        Inner.CreateAsync(draft, records, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Draft?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.GetAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<Draft>> ListAsync(CancellationToken cancellationToken = default) =>
        Inner.ListAsync(cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<SourceRecord>> ListRecordsAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.ListRecordsAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<Draft> DecideAsync(long id, DraftStatus status, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Inner.DecideAsync(id, status, at, cancellationToken);
}
